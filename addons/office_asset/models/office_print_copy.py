from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .office_asset import MANAGER


class OfficePrintCopy(models.Model):
    """A numbered copy (份号) of a classified print job: who received it and
    whether it came back (003 第四十六条(二)2、4: 清点、编号、登记; 复制件视同
    原件管理). Created when the job is printed; the print room records the
    recipient and the recall. Readable by whoever reads the job."""

    _name = "office.print.copy"
    _description = "Numbered Print Copy"
    _order = "job_id, number"

    job_id = fields.Many2one(
        "office.print.job", required=True, index=True, ondelete="cascade", readonly=True
    )
    company_id = fields.Many2one(related="job_id.company_id", store=True, index=True)
    number = fields.Char(string="Copy number", required=True, readonly=True)
    recipient_id = fields.Many2one("res.users", string="Held by", index=True)
    recalled = fields.Boolean(readonly=True, index=True)
    recalled_at = fields.Datetime(readonly=True)
    recalled_by_id = fields.Many2one("res.users", readonly=True)
    overdue = fields.Boolean(string="Not recalled in time", compute="_compute_overdue")

    _sql_constraints = [
        (
            "number_unique",
            "UNIQUE(job_id, number)",
            "A copy number is used once per job.",
        ),
    ]

    @api.depends("recalled", "job_id.recall_deadline")
    def _compute_overdue(self):
        today = self.env["office.calendar"].today()
        for copy in self:
            deadline = copy.job_id.recall_deadline
            copy.overdue = bool(not copy.recalled and deadline and deadline < today)

    @api.depends("job_id", "number")
    def _compute_display_name(self):
        for copy in self:
            copy.display_name = f"{copy.job_id.name} {copy.number}"

    def write(self, vals):
        if set(vals) - {"recipient_id"}:
            raise UserError(
                self.env._("A numbered copy is recalled through its button.")
            )
        if any(copy.recalled for copy in self):
            raise UserError(self.env._("A recalled copy is not handed out again."))
        return super().write(vals)

    def action_recall(self):
        """The copy is back in the print room; usable over XML-RPC."""
        if not self.env.user.has_group(MANAGER):
            raise AccessError(self.env._("Only the print room recalls copies."))
        self.check_access("read")
        if any(copy.recalled for copy in self):
            raise UserError(self.env._("This copy was already recalled."))
        return super(OfficePrintCopy, self.sudo()).write(
            {
                "recalled": True,
                "recalled_at": fields.Datetime.now(),
                "recalled_by_id": self.env.user.id,
            }
        )
