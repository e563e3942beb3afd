from odoo import fields, models


class OfficeRiskStep(models.Model):
    """A process step of a risk domain (e.g. 收文登记、批转、承办), one table of
    the risk-control rules, with the step's risk definition and its control
    measures (防控措施)."""

    _name = "office.risk.step"
    _description = "Risk Process Step"
    _order = "domain_id, sequence, id"

    name = fields.Char(required=True)
    name_en = fields.Char(string="English name")
    domain_id = fields.Many2one(
        "office.risk.domain", required=True, ondelete="restrict", index=True
    )
    company_id = fields.Many2one(
        related="domain_id.company_id", store=True, index=True, precompute=True
    )
    sequence = fields.Integer(default=10)
    table_no = fields.Integer(string="Table", help="Table number in the rules.")
    active = fields.Boolean(default=True)
    description = fields.Text(help="What the risk of this step is.")
    control_measures = fields.Text()
    point_ids = fields.One2many("office.risk.point", "step_id", string="Risk points")
