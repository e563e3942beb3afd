from odoo import fields, models


class HrExpenseSheet(models.Model):
    _inherit = "hr.expense.sheet"

    office_claim_late = fields.Boolean(
        string="Claimed late",
        compute="_compute_office_claim",
        help="The office request of this report was claimed after its deadline.",
    )
    office_origin = fields.Char(
        string="Office request", compute="_compute_office_claim"
    )

    def _compute_office_claim(self):
        origins = {}
        for model in (
            "office.expense.request",
            "office.expense.reception",
            "office.expense.travel",
        ):
            if not self.env[model].has_access("read"):
                continue
            for record in self.env[model].search([("sheet_id", "in", self.ids)]):
                origins[record.sheet_id.id] = record
        for sheet in self:
            record = origins.get(sheet.id)
            sheet.office_claim_late = bool(record and record.claim_late)
            sheet.office_origin = record.name if record else False
