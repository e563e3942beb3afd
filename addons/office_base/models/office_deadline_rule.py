from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError

URGENCY = [("normal", "Normal"), ("urgent", "Urgent"), ("very_urgent", "Very urgent")]


class OfficeDeadlineRule(models.Model):
    """How long a kind of record may take to handle, by urgency."""

    _name = "office.deadline.rule"
    _description = "Handling Deadline Rule"
    _order = "model_id, urgency"

    name = fields.Char(compute="_compute_name", store=True)
    model_id = fields.Many2one(
        "ir.model", string="Applies to", required=True, ondelete="cascade", index=True
    )
    model = fields.Char(related="model_id.model", store=True, index=True)
    urgency = fields.Selection(URGENCY, required=True, default="normal")
    amount = fields.Float(required=True, default=1.0)
    unit = fields.Selection(
        [
            ("working_hours", "Working hours"),
            ("working_days", "Working days"),
            ("calendar_days", "Calendar days"),
        ],
        required=True,
        default="working_days",
    )
    company_id = fields.Many2one("res.company")

    _sql_constraints = [
        (
            "model_urgency_company_uniq",
            "unique(model_id, urgency, company_id)",
            "There is already a deadline rule for this kind of record and urgency.",
        ),
    ]

    @api.depends("model_id", "urgency", "amount", "unit")
    def _compute_name(self):
        urgencies = dict(self._fields["urgency"]._description_selection(self.env))
        units = dict(self._fields["unit"]._description_selection(self.env))
        for rule in self:
            rule.name = (
                f"{rule.model_id.name or ''} / {urgencies.get(rule.urgency, '')}: "
                f"{rule.amount:g} {units.get(rule.unit, '')}"
            )

    @api.constrains("amount")
    def _check_amount(self):
        if any(rule.amount <= 0 for rule in self):
            raise ValidationError(self.env._("A handling deadline must be positive."))

    @api.model
    def _find(self, model_name, urgency, company=None):
        company = company or self.env.company
        return self.sudo().browse(self._find_id(model_name, urgency, company.id))

    @tools.ormcache("model_name", "urgency", "company_id")
    def _find_id(self, model_name, urgency, company_id):
        """The agency's own rule, else the shared one (kept until the rules
        change: a batch of a thousand documents looks it up once)."""
        rules = self.sudo().search(
            [
                ("model", "=", model_name),
                ("urgency", "=", urgency),
                ("company_id", "in", [company_id, False]),
            ],
            order="company_id",
            limit=1,
        )
        return rules.id

    @api.model_create_multi
    def create(self, vals_list):
        self.env.registry.clear_cache()
        return super().create(vals_list)

    def write(self, vals):
        self.env.registry.clear_cache()
        return super().write(vals)

    def unlink(self):
        self.env.registry.clear_cache()
        return super().unlink()

    def compute_deadline(self, start, company=None):
        """The deadline (UTC datetime) counted from the UTC datetime `start`."""
        self.ensure_one()
        calendar = self.env["office.calendar"]
        start = fields.Datetime.to_datetime(start)
        if self.unit == "working_hours":
            return calendar.add_working_hours(start, self.amount, company)
        if self.unit == "working_days":
            return calendar.add_working_days(start, int(self.amount), company)
        return fields.Datetime.add(start, days=int(self.amount))
