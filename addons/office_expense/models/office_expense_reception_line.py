from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

LINE_KINDS = [("meal", "Meal"), ("room", "Rooms")]
MEALS = [("breakfast", "Breakfast"), ("lunch", "Lunch"), ("dinner", "Dinner")]


class OfficeExpenseReceptionLine(models.Model):
    """A meal or the rooms of an official reception, with its cost, checked
    against the standard of the guests' rank on its date."""

    _name = "office.expense.reception.line"
    _description = "Reception Meal or Rooms"
    _order = "reception_id, date, id"

    reception_id = fields.Many2one(
        "office.expense.reception", required=True, ondelete="cascade", index=True
    )
    kind = fields.Selection(LINE_KINDS, required=True, default="meal")
    date = fields.Date(required=True)
    meal = fields.Selection(MEALS, default="lunch")
    guests = fields.Integer(help="Guests at the meal.")
    hosts = fields.Integer(string="Hosts at table")
    rooms = fields.Integer(default=1)
    nights = fields.Integer(default=1)
    amount = fields.Monetary(required=True)
    unit_amount = fields.Monetary(
        string="Per person or room night",
        compute="_compute_unit_amount",
        store=True,
    )
    currency_id = fields.Many2one(related="reception_id.currency_id")
    company_id = fields.Many2one(
        related="reception_id.company_id", store=True, index=True
    )

    @api.depends("kind", "amount", "guests", "hosts", "rooms", "nights")
    def _compute_unit_amount(self):
        for line in self:
            units = line._units()
            line.unit_amount = line.amount / units if units else 0.0

    @api.depends("kind", "date", "meal")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        meals = dict(self._fields["meal"]._description_selection(self.env))
        for line in self:
            what = meals.get(line.meal) if line.kind == "meal" else kinds[line.kind]
            line.display_name = f"{line.date or ''} {what or ''}".strip()

    def _units(self):
        if self.kind == "meal":
            return self.guests + self.hosts
        return self.rooms * self.nights

    @api.constrains("amount", "guests", "hosts", "rooms", "nights")
    def _check_numbers(self):
        for line in self:
            if min(line.amount, line.guests, line.hosts, line.rooms, line.nights) < 0:
                raise ValidationError(
                    self.env._("The numbers of a reception cannot be negative.")
                )

    # ------------------------------------------------------------------
    # ORM: the plan is frozen once submitted
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.reception_id._check_plan_editable()
        return lines

    def write(self, vals):
        self.reception_id._check_plan_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        # a deletable reception (draft, cancelled) goes with its plan
        self.reception_id.filtered(
            lambda r: r.state not in r._workflow_deletable_states
        )._check_plan_editable()

    # ------------------------------------------------------------------
    # The rules
    # ------------------------------------------------------------------

    def _check_rules(self):
        for line in self:
            if line.kind == "meal":
                line._check_meal()
            else:
                line._check_room()

    def _check_meal(self):
        reception = self.reception_id
        if reception.same_city:
            raise UserError(
                self.env._("No meals for guests from the same city (公务接待管理制度).")
            )
        if not self.guests:
            raise UserError(self.env._("Count the guests of each meal."))
        limit = self._hosts_limit()
        if self.hosts > limit:
            raise UserError(
                self.env._(
                    "%(hosts)s hosts at the table for %(guests)s guests: at most "
                    "%(limit)s (公务接待管理制度: 接待10人以内的陪餐人数不超过3人; "
                    "10人以上的, 陪餐人数不得超过接待对象人数的1/3).",
                    hosts=self.hosts,
                    guests=self.guests,
                    limit=limit,
                )
            )
        self._check_standard("reception_meal")

    def _hosts_limit(self):
        company = self.reception_id.company_id
        if self.guests <= company.office_expense_hosts_small_group:
            return company.office_expense_hosts_max
        return self.guests // max(company.office_expense_hosts_ratio, 1)

    def _check_room(self):
        if self.reception_id.same_county:
            raise UserError(
                self.env._(
                    "No rooms for guests from within the county (公务接待管理制度)."
                )
            )
        if not self._units():
            raise UserError(self.env._("Count the rooms and nights."))
        self._check_standard("reception_room")

    def _check_standard(self, kind):
        reception = self.reception_id
        standard = self.env["office.expense.standard"]._amount(
            kind, self.date, rank=reception.guest_rank, company=reception.company_id
        )
        if self.currency_id.compare_amounts(self.unit_amount, standard) > 0:
            raise UserError(
                self.env._(
                    "%(line)s costs %(unit).2f yuan per person or room night, above "
                    "the standard of %(standard).2f yuan for these guests "
                    "(公务接待管理制度).",
                    line=self.display_name,
                    unit=self.unit_amount,
                    standard=standard,
                )
            )
