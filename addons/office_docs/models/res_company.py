from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    office_docs_office_department_id = fields.Many2one(
        "hr.department",
        string="General office",
        help="The department that keeps the document registers (办公室): it is "
        "on the need-to-know list of every classified document it handles.",
    )
    office_docs_legal_department_id = fields.Many2one(
        "hr.department",
        string="Legality review department",
        help="Reviews the legality of normative documents (税政法规科).",
    )
    office_docs_discipline_department_id = fields.Many2one(
        "hr.department",
        string="Integrity review department",
        help="Assesses the integrity risks of normative documents (纪检监察室).",
    )
