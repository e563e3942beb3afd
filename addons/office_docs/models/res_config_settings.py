from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    office_docs_office_department_id = fields.Many2one(
        related="company_id.office_docs_office_department_id", readonly=False
    )
    office_docs_legal_department_id = fields.Many2one(
        related="company_id.office_docs_legal_department_id", readonly=False
    )
    office_docs_discipline_department_id = fields.Many2one(
        related="company_id.office_docs_discipline_department_id", readonly=False
    )
    office_docs_handling_days = fields.Integer(
        related="company_id.office_docs_handling_days", readonly=False
    )
    office_docs_objection_days = fields.Integer(
        related="company_id.office_docs_objection_days", readonly=False
    )
    office_docs_objection_hours_urgent = fields.Integer(
        related="company_id.office_docs_objection_hours_urgent", readonly=False
    )
    office_docs_due_soon_days = fields.Integer(
        related="company_id.office_docs_due_soon_days", readonly=False
    )
    office_docs_assign_days = fields.Integer(
        related="company_id.office_docs_assign_days", readonly=False
    )
    office_docs_budget_department_id = fields.Many2one(
        related="company_id.office_docs_budget_department_id", readonly=False
    )
    office_docs_cosign_days = fields.Integer(
        related="company_id.office_docs_cosign_days", readonly=False
    )
    office_docs_print_hours_very_urgent = fields.Integer(
        related="company_id.office_docs_print_hours_very_urgent", readonly=False
    )
    office_docs_print_hours_urgent = fields.Integer(
        related="company_id.office_docs_print_hours_urgent", readonly=False
    )
    office_docs_print_hours_normal = fields.Integer(
        related="company_id.office_docs_print_hours_normal", readonly=False
    )
    office_docs_loan_days = fields.Integer(
        related="company_id.office_docs_loan_days", readonly=False
    )
