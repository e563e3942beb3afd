from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

KEEPER = "office_seal.group_seal_keeper"


class OfficeSealIntroLetter(models.Model):
    """The stub of an introduction letter (介绍信存根), after 004 一(六) 4
    and 5: every letter issued is registered with its number, bearer,
    addressee, matter and validity, stamped on an approved seal use
    (介绍信 are category ①, 002 公章管理制度 二), never blank; the stub is
    kept — an issued letter is never changed or deleted, a spoiled one is
    voided with its reason.

    Rights: the seal keepers (and the office director) keep the register;
    internal control reads it; staff read the letters they carry."""

    _name = "office.seal.intro.letter"
    _description = "Introduction Letter Stub"
    _inherit = ["office.workflow.mixin"]
    _order = "issued_on desc, id desc"
    _check_company_auto = True
    _workflow_sequence_code = "office.seal.intro.letter"
    _workflow_transitions = {
        "issue": {
            "from": ("draft",),
            "to": "issued",
            "groups": (KEEPER,),
            "label": _lt("issue"),
        },
        "void": {
            "from": ("issued",),
            "to": "void",
            "groups": (KEEPER,),
            "reason": True,
            "label": _lt("void"),
        },
    }
    _workflow_editable_states = ("draft",)
    _workflow_locked_fields = (
        "name",
        "bearer",
        "bearer_user_id",
        "bearer_count",
        "addressee",
        "matter",
        "valid_days",
        "request_id",
        "issued_on",
        "issued_by_id",
        "company_id",
    )
    # a stub is kept (妥善保管): only a draft goes
    _workflow_deletable_states = ("draft",)

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    bearer = fields.Char(string="Bearer(s)", required=True, tracking=True)
    bearer_user_id = fields.Many2one("res.users", string="Bearer (user)")
    bearer_count = fields.Integer(string="Number of people", default=1)
    addressee = fields.Char(string="Addressed to", required=True, tracking=True)
    matter = fields.Text(required=True)
    valid_days = fields.Integer(string="Valid for (days)", default=7)
    request_id = fields.Many2one(
        "office.seal.use.request",
        string="Seal use",
        check_company=True,
        help="The approved seal use the letter is stamped on (介绍信: category ①).",
    )
    issued_on = fields.Date(readonly=True, copy=False)
    issued_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("issued", "Issued"), ("void", "Void")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )

    @api.constrains("bearer_count", "valid_days")
    def _check_numbers(self):
        for letter in self:
            if letter.bearer_count < 1 or letter.valid_days < 1:
                raise ValidationError(
                    self.env._(
                        "A letter names at least one bearer and is valid for at "
                        "least one day."
                    )
                )

    def action_issue(self):
        return self._workflow_run("issue")

    def action_void(self):
        return self._workflow_run("void")

    def void(self, reason):
        """Void a spoiled letter, its stub kept; usable over XML-RPC."""
        if not (reason or "").strip():
            raise UserError(self.env._("Please give the reason for voiding."))
        return self._workflow_run("void", reason=reason)

    def _check_can_issue(self):
        for letter in self:
            request = letter.sudo().request_id
            if not request or request.state not in ("approved", "done"):
                raise UserError(
                    self.env._(
                        "%(letter)s is stamped on an approved seal use: link the "
                        "approved request first (004 一(六) 4, 5).",
                        letter=letter.display_name,
                    )
                )
            if request.use_category != "cat1":
                raise UserError(
                    self.env._(
                        "Introduction letters are seal uses of category ① "
                        "(002 公章管理制度 二)."
                    )
                )

    def _do_issue(self):
        return self._workflow_set_state(
            "issue",
            vals={
                "issued_on": self._workflow_today(),
                "issued_by_id": self.env.user.id,
            },
        )
