# the workflow kernel first: office models below inherit it
from . import office_reminder_mixin
from . import office_workflow_mixin
from . import office_approval_mixin
from . import office_request_mixin

# rows pointing at office records: followers, mails, notifications
from . import office_record_readable_mixin

from . import base
from . import hr_department
from . import hr_employee
from . import ir_actions_report
from . import ir_attachment
from . import ir_http
from . import ir_model_fields
from . import ir_model_fields_selection
from . import ir_module_module
from . import ir_rule
from . import mail_activity
from . import mail_activity_mixin
from . import mail_followers
from . import mail_mail
from . import mail_message
from . import mail_notification
from . import office_approval_history
from . import office_calendar
from . import office_confidential_mixin
from . import office_deadline_rule
from . import office_delegation
from . import office_holiday
from . import office_holiday_year
from . import office_secret_access_log
from . import office_urgency_mixin
from . import office_workbench_tile
from . import res_config_settings
from . import res_users
from . import tier_definition
from . import tier_review
from . import tier_validation
