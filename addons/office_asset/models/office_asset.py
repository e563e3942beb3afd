from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

MANAGER = "office_asset.group_asset_manager"
FINANCE = "office_asset.group_asset_finance"

ASSET_STATES = [
    ("draft", "Draft"),
    ("in_use", "In use"),
    ("missing", "Missing"),
    ("disposed", "Disposed"),
]
ASSET_KINDS = [
    ("furniture", "Furniture"),
    ("equipment", "Office equipment"),
    ("it", "IT hardware"),
    ("software", "IT system"),
    ("other", "Other"),
]


class OfficeAsset(models.Model):
    """A fixed asset of the agency on the finance section's ledger (002 财务
    财物管理制度 五; 003 第三十六条–第三十八条, 表18): registered (an increase),
    used by one person at a time, kept by the asset keeper of its department,
    counted at the stock-take by scanning its QR label, disposed of (a
    decrease) only by an approved ``office.asset.disposal``. IT systems are
    registered too (表18: 信息化系统统一登记).

    Rights: the asset managers and the finance section register assets and
    change their user (``assign``: every change is a line of
    ``office.asset.assignment``); a stock-take reports the missing ones; a
    disposal, once approved, disposes of its assets. Everyone reads the
    register."""

    _name = "office.asset"
    _description = "Fixed Asset"
    _inherit = ["office.workflow.mixin"]
    _order = "code desc, id desc"
    _check_company_auto = True
    _workflow_sequence_code = None
    _workflow_editable_states = ("draft",)
    _workflow_deletable_states = ("draft",)
    _workflow_locked_fields = (
        "code",
        "historical_cost",
        "purchase_date",
        "holder_id",
        "company_id",
    )
    _workflow_transitions = {
        "register": {
            "from": ("draft",),
            "to": "in_use",
            "groups": (MANAGER, FINANCE),
            "label": _lt("registered"),
        },
        "assign": {
            "from": ("in_use",),
            "to": "in_use",
            "groups": (MANAGER, FINANCE),
            "label": _lt("handed to a new user"),
        },
        "report_missing": {
            "from": ("in_use",),
            "to": "missing",
            "groups": (MANAGER, FINANCE),
            "label": _lt("reported missing"),
        },
        "found": {
            "from": ("missing",),
            "to": "in_use",
            "groups": (MANAGER, FINANCE),
            "label": _lt("found again"),
        },
        "dispose": {
            "from": ("in_use", "missing"),
            "to": "disposed",
            "groups": (MANAGER, FINANCE),
            "label": _lt("disposed of"),
        },
    }

    name = fields.Char(string="Asset", required=True, tracking=True)
    code = fields.Char(
        string="Asset number",
        required=True,
        copy=False,
        index=True,
        default="/",
        help="Printed as a QR code on the asset's label; the stock-take scans it.",
    )
    kind = fields.Selection(ASSET_KINDS, required=True, default="equipment")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    department_id = fields.Many2one(
        "hr.department", required=True, index=True, tracking=True
    )
    keeper_id = fields.Many2one(
        "res.users",
        string="Asset keeper",
        compute="_compute_keeper_id",
        store=True,
        readonly=False,
        tracking=True,
        help="Keeps the asset for its department; charged with damage or loss "
        "when no user is (002 财务财物管理制度 五).",
    )
    holder_id = fields.Many2one(
        "hr.employee",
        string="User",
        index=True,
        tracking=True,
        help="The person using the asset; changes only through “Hand to a new user” "
        "once the asset is registered.",
    )
    holder_user_id = fields.Many2one(
        related="holder_id.user_id", string="User account", store=True, index=True
    )
    location = fields.Char(tracking=True)
    serial_no = fields.Char(string="Serial number")
    supplier_id = fields.Many2one("res.partner")
    purchase_date = fields.Date(required=True, default=fields.Date.context_today)
    historical_cost = fields.Monetary(string="Historical cost", tracking=True)
    is_major = fields.Boolean(
        string="Major asset",
        compute="_compute_is_major",
        search="_search_is_major",
        help="Historical cost above the company's major-loss amount: its loss is a "
        "major risk (003 第三十七条).",
    )
    state = fields.Selection(
        ASSET_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    equipment_id = fields.Many2one(
        "maintenance.equipment",
        copy=False,
        readonly=True,
        help="The Odoo maintenance equipment keeping the repair history.",
    )
    assignment_ids = fields.One2many(
        "office.asset.assignment", "asset_id", string="Changes of user"
    )
    repair_ids = fields.One2many("office.asset.repair", "asset_id", string="Repairs")
    repair_count = fields.Integer(compute="_compute_repair_count")
    disposal_id = fields.Many2one("office.asset.disposal", readonly=True, copy=False)
    note = fields.Text()

    _sql_constraints = [
        ("code_unique", "UNIQUE(company_id, code)", "Asset numbers are unique."),
    ]

    @api.depends("department_id")
    def _compute_keeper_id(self):
        for asset in self:
            if asset.department_id.office_asset_keeper_id:
                asset.keeper_id = asset.department_id.office_asset_keeper_id

    @api.depends("historical_cost", "company_id.office_asset_major_loss_amount")
    def _compute_is_major(self):
        for asset in self:
            threshold = asset.company_id.office_asset_major_loss_amount
            asset.is_major = bool(threshold and asset.historical_cost > threshold)

    def _search_is_major(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on “Major asset”."))
        threshold = self.env.company.office_asset_major_loss_amount or 0.0
        positive = (operator == "=") == value
        return [("historical_cost", ">" if positive else "<=", threshold)]

    def _compute_repair_count(self):
        counts = dict(
            self.env["office.asset.repair"]._read_group(
                [("asset_id", "in", self.ids)], ["asset_id"], ["__count"]
            )
        )
        for asset in self:
            asset.repair_count = counts.get(asset, 0)

    @api.depends("code", "name")
    def _compute_display_name(self):
        for asset in self:
            asset.display_name = (
                f"[{asset.code}] {asset.name}" if asset.code else asset.name
            )

    @api.constrains("historical_cost")
    def _check_historical_cost(self):
        if any(asset.historical_cost < 0 for asset in self):
            raise ValidationError(self.env._("A historical cost cannot be negative."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("code", "/") in ("/", False, None):
                vals["code"] = (
                    self.env["ir.sequence"].next_by_code("office.asset") or "/"
                )
        return super().create(vals_list)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_register(self):
        return self._workflow_run("register")

    def assign(self, employee_id, note=None):
        """Hand the asset to `employee_id` (False: back to the keeper); the
        change is recorded. Usable over XML-RPC."""
        return self._workflow_run("assign", employee_id=employee_id, note=note)

    def action_assign_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Hand to a new user"),
            "res_model": "office.asset.assign.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_asset_id": self.id},
        }

    def action_found(self):
        return self._workflow_run("found")

    def action_view_repairs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "office_asset.office_asset_repair_action"
        )
        action["domain"] = [("asset_id", "=", self.id)]
        action["context"] = {"default_asset_id": self.id}
        return action

    def action_print_label(self):
        return self.env.ref("office_asset.action_report_asset_label").report_action(
            self
        )

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------

    def _check_can_register(self):
        for asset in self:
            if not asset.historical_cost and asset.kind != "software":
                raise UserError(
                    self.env._(
                        "Give the historical cost of “%(asset)s” before registering "
                        "it.",
                        asset=asset.display_name,
                    )
                )

    def _do_register(self):
        self._workflow_set_state("register")
        self._office_ensure_equipment()
        for asset in self.filtered("holder_id"):
            asset._office_log_assignment(self.env["hr.employee"], asset.holder_id)

    def _check_can_assign(self, employee_id=None, note=None):
        employee = self.env["hr.employee"].browse(employee_id or [])
        if employee_id and not employee.exists():
            raise UserError(self.env._("This employee does not exist."))
        for asset in self:
            if asset.holder_id == employee:
                raise UserError(
                    self.env._(
                        "“%(asset)s” is already used by %(user)s.",
                        asset=asset.display_name,
                        user=employee.name or self.env._("nobody"),
                    )
                )

    def _do_assign(self, employee_id=None, note=None):
        employee = self.env["hr.employee"].browse(employee_id or [])
        for asset in self:
            previous = asset.holder_id
            asset._workflow_set_state("assign", {"holder_id": employee.id})
            asset._office_log_assignment(previous, employee, note)

    def _check_can_dispose(self, disposal=None):
        for asset in self:
            if (
                not disposal
                or disposal.state != "approved"
                or asset not in disposal.asset_ids
            ):
                raise UserError(
                    self.env._(
                        "“%(asset)s” is disposed of only by an approved disposal "
                        "(003 表18: 未按程序报批, 自行处置固定资产).",
                        asset=asset.display_name,
                    )
                )

    def _do_dispose(self, disposal=None):
        self._workflow_set_state("dispose", {"disposal_id": disposal.id})
        if self.equipment_id:
            self.equipment_id.sudo().active = False

    def _office_log_assignment(self, previous, employee, note=None):
        self.ensure_one()
        self.env["office.asset.assignment"].sudo().create(
            {
                "asset_id": self.id,
                "previous_holder_id": previous.id,
                "holder_id": employee.id,
                "user_id": self.env.user.id,
                "date": fields.Datetime.now(),
                "note": note,
            }
        )

    def _office_ensure_equipment(self):
        """Equipment and IT hardware get an Odoo maintenance equipment: the
        repairs are kept there with the asset."""
        for asset in self.filtered(
            lambda a: a.kind in ("equipment", "it") and not a.equipment_id
        ):
            equipment = (
                self.env["maintenance.equipment"]
                .sudo()
                .create(
                    {
                        "name": asset.name,
                        "serial_no": asset.serial_no or asset.code,
                        "cost": asset.historical_cost,
                        "location": asset.location,
                        "partner_id": asset.supplier_id.id,
                        "company_id": asset.company_id.id,
                    }
                )
            )
            asset.sudo().equipment_id = equipment
