from odoo import fields, models
from odoo.exceptions import UserError


class OfficeSecrecyInspectionFinding(models.Model):
    """A finding of a secrecy inspection and its rectification notice
    (整改通知)."""

    _name = "office.secrecy.inspection.finding"
    _description = "Secrecy Inspection Finding"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "inspection_id, id"

    inspection_id = fields.Many2one(
        "office.secrecy.inspection", required=True, ondelete="cascade", index=True
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
        for finding in self:
            if not (finding.notice and finding.responsible_id and finding.deadline):
                raise UserError(
                    self.env._(
                        "A rectification notice names what to do, who and by when."
                    )
                )
            finding.write({"state": "noticed"})
            finding.activity_schedule(
                "office_secrecy.mail_act_office_rectification",
                user_id=finding.responsible_id.id,
                date_deadline=finding.deadline,
            )
        return True

    def action_rectified(self):
        for finding in self:
            if finding.state != "noticed" or not (finding.rectification or "").strip():
                raise UserError(self.env._("Describe the rectification done."))
            finding.write({"state": "rectified"})
            finding.activity_unlink(["office_secrecy.mail_act_office_rectification"])
        return True
