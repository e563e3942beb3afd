from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

STANDARD_KINDS = [
    ("reception_meal", "Reception meal, per person and meal"),
    ("reception_room", "Reception room, per night"),
    ("overtime_meal", "Overtime meal, per person"),
    ("travel_lodging", "Travel lodging, per night"),
    ("travel_meal", "Travel meal allowance, per day"),
    ("travel_transport", "Travel local transport allowance, per day"),
]

GUEST_RANKS = [
    ("minister", "Provincial or ministerial level"),
    ("bureau", "Department or bureau level"),
    ("division", "Division level"),
    ("section", "Section level and below"),
    ("meeting", "Type-3 meeting"),
]


class OfficeExpenseStandard(models.Model):
    """A spending standard of the agency (开支标准): an amount for a kind of
    expense, for a guest rank or a travel region, valid from a date. A later
    record replaces an earlier one from its date on; a region-specific amount
    wins over the general one. Each carries the rule it comes from."""

    _name = "office.expense.standard"
    _description = "Spending Standard"
    _inherit = ["mail.thread"]
    _order = "kind, rank, region_id, date_from desc"
    _check_company_auto = True

    kind = fields.Selection(STANDARD_KINDS, required=True, tracking=True)
    rank = fields.Selection(GUEST_RANKS, string="Guest rank", tracking=True)
    region_id = fields.Many2one(
        "office.expense.region", tracking=True, ondelete="restrict"
    )
    amount = fields.Monetary(required=True, tracking=True)
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self.env.company.currency_id
    )
    date_from = fields.Date(
        string="Valid from", required=True, default="2000-01-01", tracking=True
    )
    citation = fields.Text(
        help="The rule the standard comes from, quoted from its source."
    )
    company_id = fields.Many2one("res.company")
    active = fields.Boolean(default=True)

    @api.depends("kind", "rank", "region_id", "amount")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        ranks = dict(self._fields["rank"]._description_selection(self.env))
        for standard in self:
            parts = [kinds.get(standard.kind, "")]
            if standard.rank:
                parts.append(ranks[standard.rank])
            if standard.region_id:
                parts.append(standard.region_id.name)
            standard.display_name = " · ".join(p for p in parts if p)

    @api.constrains("amount")
    def _check_amount(self):
        if any(standard.amount < 0 for standard in self):
            raise ValidationError(self.env._("A standard cannot be negative."))

    @api.model
    def _find(self, kind, day, rank=False, region=False, company=None):
        """The standard of `kind` valid on `day`: the region's own, else the
        general one; the company's own, else the shared one."""
        company = company or self.env.company
        domain = [
            ("kind", "=", kind),
            ("date_from", "<=", day),
            ("company_id", "in", [company.id, False]),
        ]
        if rank:
            domain.append(("rank", "=", rank))
        candidates = self.sudo().search(domain, order="date_from desc, id desc")
        if region:
            own = candidates.filtered(lambda s: s.region_id == region)
            if own:
                return own.sorted(lambda s: not s.company_id)[:1]
        general = candidates.filtered(lambda s: not s.region_id)
        return general.sorted(lambda s: not s.company_id)[:1]

    @api.model
    def _amount(self, kind, day, rank=False, region=False, company=None):
        """The amount of `_find`, or a clear error naming what is missing."""
        standard = self._find(kind, day, rank, region, company)
        if not standard:
            kinds = dict(self._fields["kind"]._description_selection(self.env))
            where = f" ({region.name})" if region else ""
            raise UserError(
                self.env._(
                    "No spending standard “%(kind)s”%(what)s is valid on %(day)s: "
                    "ask the finance section to enter it.",
                    kind=kinds[kind],
                    what=where,
                    day=fields.Date.to_string(day),
                )
            )
        return standard.amount
