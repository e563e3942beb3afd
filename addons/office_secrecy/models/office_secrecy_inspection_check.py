from odoo import api, fields, models
from odoo.exceptions import UserError

CHECK_RESULTS = [
    ("ok", "Compliant"),
    ("fail", "Not compliant"),
    ("na", "Not applicable"),
]


class OfficeSecrecyInspectionCheck(models.Model):
    """One check of a secrecy inspection: a check type on a piece of
    equipment, a secret computer or an inspected unit, and what was found.
    A failed check leads to a finding with its rectification notice."""

    _name = "office.secrecy.inspection.check"
    _description = "Secrecy Inspection Check"
    _order = "inspection_id, subject, department_id, check_type_id, id"

    inspection_id = fields.Many2one(
        "office.secrecy.inspection", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="inspection_id.company_id", store=True, index=True, precompute=True
    )
    check_type_id = fields.Many2one(
        "office.secrecy.check.type", required=True, ondelete="restrict"
    )
    subject = fields.Selection(related="check_type_id.subject", store=True)
    citation = fields.Char(related="check_type_id.citation")
    equipment_id = fields.Many2one(
        "office.secrecy.equipment", ondelete="restrict", index=True
    )
    carrier_id = fields.Many2one(
        "office.secret.carrier", string="Computer", ondelete="restrict", index=True
    )
    department_id = fields.Many2one("hr.department", string="Unit")
    result = fields.Selection(CHECK_RESULTS)
    note = fields.Char(string="What was found")
    finding_id = fields.Many2one(
        "office.secrecy.inspection.finding", readonly=True, copy=False
    )

    @api.model_create_multi
    def create(self, vals_list):
        inspections = self.env["office.secrecy.inspection"].browse(
            [vals.get("inspection_id") for vals in vals_list]
        )
        inspections._check_checks_open()
        return super().create(vals_list)

    def write(self, vals):
        self.inspection_id._check_checks_open()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_closed(self):
        self.inspection_id._check_checks_open()

    def _subject_label(self):
        self.ensure_one()
        return (
            self.equipment_id.display_name
            or self.carrier_id.display_name
            or self.department_id.display_name
            or ""
        )

    def _finding_vals(self):
        self.ensure_one()
        return {
            "inspection_id": self.inspection_id.id,
            "name": self.env._(
                "%(check)s — %(subject)s: %(note)s",
                check=self.check_type_id.name,
                subject=self._subject_label(),
                note=self.note or self.env._("not compliant"),
            ),
            "department_id": (
                self.department_id
                or self.equipment_id.department_id
                or self.carrier_id.department_id
            ).id,
            # 003 表22, 表24: the secrecy risks of these points are 较大
            "level": "significant",
        }

    def _raise_if_unchecked(self):
        if self.filtered(lambda c: not c.result):
            raise UserError(
                self.env._(
                    "%(count)s checks have no result yet.",
                    count=len(self.filtered(lambda c: not c.result)),
                )
            )
