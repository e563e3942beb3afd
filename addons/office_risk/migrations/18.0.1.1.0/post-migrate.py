"""18.0.1.1.0: the rectification reminders after the deadline get an
activity type of their own (``mail_act_office_risk_rectification_overdue``),
so that the reminder before the deadline and the one after it are told apart
by type, not by summary. Open overdue reminders written before keep their
place: they move to the new type, and the next cron run adds no duplicate."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    reminder = env.ref(
        "office_risk.mail_act_office_risk_rectification_reminder",
        raise_if_not_found=False,
    )
    overdue = env.ref(
        "office_risk.mail_act_office_risk_rectification_overdue",
        raise_if_not_found=False,
    )
    if not (reminder and overdue):
        return
    cr.execute(
        """
        UPDATE mail_activity
           SET activity_type_id = %s
         WHERE activity_type_id = %s
           AND res_model = 'office.risk.rectification'
           AND summary IN %s
        """,
        (overdue.id, reminder.id, ("Rectification overdue", "整改已逾期")),
    )
