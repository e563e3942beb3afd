from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

# carriers handed to the archives within a time of being formed or received
HANDED_IN_CARRIERS = ("physical", "audiovisual")


class OfficeArchiveItem(models.Model):
    """002 篇6 机关实物档案归档制度 and 机关声像档案归档制度: physical objects
    and audio-visual material are handed to the archives within one month of
    being received or made; the department is reminded until it does."""

    _inherit = "office.archive.item"

    handover_deadline = fields.Date(
        compute="_compute_handover_deadline",
        store=True,
        index=True,
        help="Physical and audio-visual items: the company's number of months "
        "after being received or made (002 篇6: 一个月内移交).",
    )

    @api.depends("carrier", "received_date", "shot_at", "company_id")
    def _compute_handover_deadline(self):
        for item in self:
            formed = item._handover_formed_date()
            item.handover_deadline = formed and formed + relativedelta(
                months=item.company_id.archive_object_handover_months
            )

    def _handover_formed_date(self):
        self.ensure_one()
        if self.carrier == "physical":
            return self.received_date
        if self.carrier == "audiovisual" and self.shot_at:
            return self.env["office.calendar"].to_local(self.shot_at).date()
        return False

    def _handover_users(self):
        self.ensure_one()
        department = self.sudo().department_id
        return (department and department._archive_lead()) or self.create_uid

    @api.model
    def _cron_remind_handover(self, limit=500):
        """Remind the departments of the physical and audio-visual items they
        have not handed in, each activity due on the item's deadline."""
        return self.sudo()._office_remind(
            [
                ("state", "=", "draft"),
                ("carrier", "in", HANDED_IN_CARRIERS),
                ("handover_deadline", "!=", False),
            ],
            "office_archive.mail_act_office_archive_handover",
            lambda item: item._handover_users(),
            deadline_field="handover_deadline",
            summary=lambda item: self.env._(
                "Hand %(item)s over to the archives by %(deadline)s.",
                item=item.title,
                deadline=item.handover_deadline,
            ),
            limit=limit,
        )
