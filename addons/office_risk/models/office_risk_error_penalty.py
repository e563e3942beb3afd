from odoo import api, fields, models
from odoo.exceptions import ValidationError

ERROR_CLASSES = [("general", "General error"), ("serious", "Serious error")]
ERROR_ROLES = [("staff", "Staff"), ("director", "Office director")]
LIABILITIES = [("person", "The person at fault"), ("supervisor", "Supervising leader")]


def default_currency(env):
    """Performance pay is in yuan (元) whatever the company's currency."""
    return env.ref("base.CNY", raise_if_not_found=False) or env.company.currency_id


class OfficeRiskErrorPenalty(models.Model):
    """One cell of the penalty matrix (004 二.2): for an error class, the role
    of the person at fault and the occurrence in the year, what the person or
    the supervising leader (joint liability, serious errors) gets: a fixed
    deduction, a percentage of the month's performance pay, the award bar
    and the measures (talks, self-criticism, suspension, referral). The row
    with the highest "from occurrence" not above the count applies."""

    _name = "office.risk.error.penalty"
    _description = "Error Penalty"
    _order = "classification, liability, role, occurrence"

    classification = fields.Selection(ERROR_CLASSES, required=True)
    liability = fields.Selection(LIABILITIES, required=True, default="person")
    role = fields.Selection(
        ERROR_ROLES,
        string="Role of the person at fault",
        required=True,
        default="staff",
    )
    occurrence = fields.Integer(
        string="From occurrence",
        required=True,
        default=1,
        help="Applies from this occurrence in the year on, until a higher row.",
    )
    amount = fields.Monetary(string="Deduction", currency_field="currency_id")
    percent = fields.Float(string="Deduction (% of the month's pay)")
    award_bar = fields.Boolean(string="No award this year")
    measure = fields.Text(string="Measures")
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: default_currency(self.env)
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Empty: shared by every agency.",
    )

    _sql_constraints = [
        (
            "cell_unique",
            "unique(classification, liability, role, occurrence)",
            "The penalty matrix has one row per class, liability, role and occurrence.",
        ),
    ]

    @api.constrains("occurrence", "amount", "percent")
    def _check_values(self):
        for row in self:
            if row.occurrence < 1:
                raise ValidationError(self.env._("Occurrences start at 1."))
            if row.amount < 0 or not 0 <= row.percent <= 100:
                raise ValidationError(
                    self.env._("A deduction is positive and a percentage at most 100.")
                )

    @api.model
    def _lookup(self, classification, liability, role, occurrence):
        return self.search(
            [
                ("classification", "=", classification),
                ("liability", "=", liability),
                ("role", "=", role),
                ("occurrence", "<=", occurrence),
            ],
            order="occurrence desc",
            limit=1,
        )
