from . import office_reason_wizard
from . import office_review_refuse_wizard
