from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.translate import LazyTranslate

from .office_asset import FINANCE, MANAGER

_lt = LazyTranslate(__name__)

STOCKTAKE_STATES = [
    ("draft", "Draft"),
    ("in_progress", "Counting"),
    ("done", "Done"),
    ("cancel", "Cancelled"),
]


class OfficeAssetStocktake(models.Model):
    """The stock-take of the fixed assets before the year end (002 财务财物
    管理制度 五: 每年年底前清理审核一次; 003 第三十八条(二)2: 定期开展资产
    清查): started, it lists the assets expected in its departments; each
    asset found is scanned (its QR label, on a phone: ``scan``); an asset
    scanned that was not expected is recorded as unexpected. When done, the
    expected assets not found are reported missing and the variance report
    lists both.

    Rights: asset managers and the finance section run stock-takes; the
    asset keepers scan."""

    _name = "office.asset.stocktake"
    _description = "Asset Stock-take"
    _inherit = ["office.workflow.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _workflow_sequence_code = "office.asset.stocktake"
    _workflow_transitions = {
        "start": {
            "from": ("draft",),
            "to": "in_progress",
            "groups": (MANAGER, FINANCE),
            "label": _lt("started"),
        },
        "done": {
            "from": ("in_progress",),
            "to": "done",
            "groups": (MANAGER, FINANCE),
            "label": _lt("closed"),
        },
        "cancel": {
            "from": ("draft", "in_progress"),
            "to": "cancel",
            "groups": (MANAGER, FINANCE),
            "reason": True,
            "label": _lt("cancelled"),
        },
    }
    _workflow_locked_fields = ("department_ids", "company_id", "date")

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    department_ids = fields.Many2many(
        "hr.department",
        string="Departments",
        help="Leave empty to count every asset of the company.",
    )
    responsible_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        required=True,
    )
    state = fields.Selection(
        STOCKTAKE_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    line_ids = fields.One2many(
        "office.asset.stocktake.line", "stocktake_id", string="Lines"
    )
    expected_count = fields.Integer(compute="_compute_counts")
    found_count = fields.Integer(compute="_compute_counts")
    missing_count = fields.Integer(compute="_compute_counts")
    unexpected_count = fields.Integer(compute="_compute_counts")
    pending_count = fields.Integer(compute="_compute_counts")

    @api.depends("line_ids.result")
    def _compute_counts(self):
        groups = self.env["office.asset.stocktake.line"]._read_group(
            [("stocktake_id", "in", self.ids)], ["stocktake_id", "result"], ["__count"]
        )
        counts = {(stocktake.id, result): n for stocktake, result, n in groups}
        for take in self:
            get = lambda result, take=take: counts.get((take.id, result), 0)  # noqa: E731
            take.found_count = get("found")
            take.missing_count = get("missing")
            take.unexpected_count = get("unexpected")
            take.pending_count = get("pending")
            take.expected_count = (
                take.found_count + take.missing_count + take.pending_count
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_start(self):
        return self._workflow_run("start")

    def action_done(self):
        return self._workflow_run("done")

    def action_cancel(self, reason=None):
        """Without a reason the web client asks for it (office.reason.wizard);
        an RPC caller passes reason=…"""
        return self._workflow_run("cancel", reason=reason)

    def action_open_scanner(self):
        self.ensure_one()
        return {
            "type": "ir.actions.client",
            "tag": "office_asset_stocktake_scan",
            "name": self.display_name,
            "params": {"stocktake_id": self.id},
        }

    def action_print_variance(self):
        return self.env.ref(
            "office_asset.action_report_stocktake_variance"
        ).report_action(self)

    def scan(self, code):
        """Record the asset whose label reads `code` as found; usable over
        XML-RPC and by the phone page. Returns what the page shows."""
        self.ensure_one()
        self.check_access("read")
        self._check_can_scan()
        if self.state != "in_progress":
            raise UserError(
                self.env._("The stock-take “%(name)s” is not counting.", name=self.name)
            )
        code = (code or "").strip()
        if not code or len(code) > 64:
            raise UserError(self.env._("Scan an asset label."))
        Line = self.env["office.asset.stocktake.line"]
        line = Line.search(
            [("stocktake_id", "=", self.id), ("code", "=", code)], limit=1
        )
        if line:
            if line.result == "pending":
                line.sudo().write(line._scan_vals("found"))
        else:
            asset = self.env["office.asset"].search(
                [("code", "=", code), ("company_id", "=", self.company_id.id)], limit=1
            )
            line = Line.sudo().create(
                {
                    "stocktake_id": self.id,
                    "asset_id": asset.id,
                    "code": code,
                    **Line._scan_vals("unexpected"),
                }
            )
        return self._scan_summary(line)

    def _check_can_scan(self):
        """The asset keepers of the departments counted scan, and the asset
        managers, the finance section and the responsible."""
        user = self.env.user
        if (
            user.has_group(MANAGER)
            or user.has_group(FINANCE)
            or user == self.responsible_id
        ):
            return
        domain = [("office_asset_keeper_id", "=", user.id)]
        if self.department_ids:
            domain.append(("id", "child_of", self.department_ids.ids))
        if not self.env["hr.department"].search_count(domain, limit=1):
            raise AccessError(
                self.env._(
                    "Only the asset keepers of the departments counted scan their "
                    "labels."
                )
            )

    def scan_summary(self):
        """The counts the phone page shows; usable over XML-RPC."""
        self.ensure_one()
        return self._scan_summary()

    def _scan_summary(self, line=None):
        self.invalidate_recordset(
            [
                "found_count",
                "missing_count",
                "unexpected_count",
                "pending_count",
                "expected_count",
            ]
        )
        summary = {
            "name": self.name,
            "state": self.state,
            "expected": self.expected_count,
            "found": self.found_count,
            "unexpected": self.unexpected_count,
            "pending": self.pending_count,
        }
        if line:
            summary.update(
                code=line.code,
                result=line.result,
                asset=line.asset_id.name or "",
                label=dict(line._fields["result"]._description_selection(self.env))[
                    line.result
                ],
            )
        return summary

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------

    def _expected_domain(self):
        self.ensure_one()
        domain = [("company_id", "=", self.company_id.id), ("state", "=", "in_use")]
        if self.department_ids:
            domain.append(("department_id", "child_of", self.department_ids.ids))
        return domain

    def _do_start(self):
        for take in self:
            assets = self.env["office.asset"].search(take._expected_domain())
            self.env["office.asset.stocktake.line"].sudo().create(
                [
                    {
                        "stocktake_id": take.id,
                        "asset_id": asset.id,
                        "code": asset.code,
                        "result": "pending",
                    }
                    for asset in assets
                ]
            )
            take._workflow_set_state("start")

    def _do_done(self):
        for take in self:
            pending = take.line_ids.filtered(lambda line: line.result == "pending")
            pending.sudo().write({"result": "missing"})
            missing_assets = pending.asset_id.filtered(lambda a: a.state == "in_use")
            if missing_assets:
                missing_assets._workflow_run("report_missing")
            take._workflow_set_state("done")
            if pending or take.unexpected_count:
                take._office_schedule_missing(
                    "office_asset.mail_activity_stocktake_variance",
                    take._variance_users(),
                    summary=self.env._(
                        "%(missing)s missing, %(unexpected)s unexpected",
                        missing=len(pending),
                        unexpected=take.unexpected_count,
                    ),
                )

    def _variance_users(self):
        group = self.env.ref(FINANCE)
        return group.users | self.responsible_id
