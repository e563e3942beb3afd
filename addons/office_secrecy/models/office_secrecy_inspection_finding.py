from odoo import fields, models
from odoo.exceptions import AccessError, UserError

OFFICE = "office_secrecy.group_secrecy_office"
ACTIVITY = "office_secrecy.mail_act_office_rectification"


class OfficeSecrecyInspectionFinding(models.Model):
    """A finding of a secrecy inspection and its rectification notice
    (整改通知).

    Rights: the secrecy office issues the notice; the responsible person
    (or the secrecy office) reports the rectification done."""

    _name = "office.secrecy.inspection.finding"
    _description = "Secrecy Inspection Finding"
    _inherit = ["office.workflow.mixin", "mail.activity.mixin"]
    _workflow_locked_fields = ("notice", "responsible_id", "deadline")
    _workflow_transitions = {
        "notice": {
            "from": ("draft",),
            "to": "noticed",
            "groups": (OFFICE,),
        },
        "rectified": {"from": ("noticed",), "to": "rectified"},
    }
    _order = "inspection_id, id"

    inspection_id = fields.Many2one(
        "office.secrecy.inspection", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="inspection_id.company_id", store=True, index=True, precompute=True
    )
    name = fields.Char(string="Finding", required=True)
    department_id = fields.Many2one("hr.department")
    level = fields.Selection(
        [("general", "General"), ("significant", "Significant"), ("major", "Major")],
        string="Risk level",
        required=True,
        default="general",
    )
    notice = fields.Text(string="Rectification notice")
    responsible_id = fields.Many2one("res.users")
    deadline = fields.Date()
    rectification = fields.Text(string="Rectification done")
    state = fields.Selection(
        [("draft", "Found"), ("noticed", "Notice issued"), ("rectified", "Rectified")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )

    def action_notice(self):
        return self._workflow_run("notice")

    def action_rectified(self):
        return self._workflow_run("rectified")

    def _check_can_notice(self):
        for finding in self:
            if not (finding.notice and finding.responsible_id and finding.deadline):
                raise UserError(
                    self.env._(
                        "A rectification notice names what to do, who and by when."
                    )
                )

    def _check_can_rectified(self):
        office = self.env.user.has_group(OFFICE)
        for finding in self:
            if not office and finding.responsible_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "The person responsible or the secrecy office reports the "
                        "rectification."
                    )
                )
            if not (finding.rectification or "").strip():
                raise UserError(self.env._("Describe the rectification done."))

    def activity_update(self):
        """The responsible person rectifies by the deadline of the notice."""
        for finding in self:
            if finding.state == "noticed":
                finding._office_schedule_missing(
                    ACTIVITY, finding.responsible_id, deadline=finding.deadline
                )
            else:
                finding.sudo().activity_unlink([ACTIVITY])
