import re

from odoo import api, fields, models

#: 003 numbers its printed points table-row (1-1 … 27-7); agencies' own
#: points and the sensors' points carry other codes (18-S1, V-1)
PRINTED_CODE = re.compile(r"\d+-\d+")

POINT_LEVELS = [
    ("major", "Major"),
    ("significant", "Significant"),
    ("general", "General"),
    ("variable", "Depends on the breach"),
]
POINT_CATALOGS = [
    ("rules", "Risk-control rules (003)"),
    ("sensor", "Sensor-only"),
]
# a change of one of these fields makes a new version of the risk point
VERSIONED_FIELDS = (
    "name",
    "level",
    "responsible_unit",
    "control_measures",
    "step_id",
)


class OfficeRiskPoint(models.Model):
    """A risk point (风险点) of the catalog: what can go wrong in a process
    step, its level (重大/较大/一般, or "depends" for 其他违反《会计法》的行为) and
    the responsible unit (责任主体) as printed in the rules.

    The catalog is versioned: every change of the wording, level, unit or
    measures writes a new ``office.risk.point.version``; events keep the
    version they were raised against."""

    _name = "office.risk.point"
    _description = "Risk Point"
    _check_company_auto = True
    _inherit = ["mail.thread"]
    _order = "domain_id, step_sequence, sequence, id"
    _rec_names_search = ["name", "code", "name_en"]

    name = fields.Text(string="Risk point", required=True, tracking=True)
    name_en = fields.Text(string="English")
    code = fields.Char(index=True, help="Table and row in the rules, e.g. 1-3.")
    sequence = fields.Integer(default=10)
    step_id = fields.Many2one(
        "office.risk.step",
        string="Process step",
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
        check_company=True,
    )
    step_sequence = fields.Integer(
        related="step_id.sequence", store=True, string="Step sequence"
    )
    domain_id = fields.Many2one(
        related="step_id.domain_id", store=True, index=True, string="Domain"
    )
    catalog = fields.Selection(
        POINT_CATALOGS,
        compute="_compute_catalog",
        store=True,
        index=True,
        help="003 (机关运行和政务风险防控办法) prints 160 risk points in its tables "
        "1 to 27; the points a sensor raises where 003 has no table (seals, "
        "licences, vehicle running, attendance) are listed apart so that the "
        "catalog of 003 reads as printed.",
    )
    level = fields.Selection(
        POINT_LEVELS, required=True, default="general", tracking=True, index=True
    )
    responsible_unit = fields.Char(tracking=True, help="责任主体 as printed.")
    responsible_department_ids = fields.Many2many(
        "hr.department",
        string="Responsible departments",
        help="The agency's departments answering for this point, when known.",
    )
    control_measures = fields.Text(
        help="Measures specific to this point; the step's measures apply too."
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Empty: shared by every agency.",
    )
    version = fields.Integer(readonly=True, default=0, copy=False)
    version_ids = fields.One2many(
        "office.risk.point.version", "point_id", string="Versions", readonly=True
    )
    current_version_id = fields.Many2one(
        "office.risk.point.version", readonly=True, copy=False
    )
    event_ids = fields.One2many("office.risk.event", "point_id", string="Events")
    event_count = fields.Integer(compute="_compute_event_count")
    sensor_ids = fields.One2many("office.risk.sensor", "point_id", string="Sensors")

    @api.depends("code", "name")
    def _compute_display_name(self):
        for point in self:
            name = (point.name or "").strip()
            if len(name) > 40:
                name = name[:40] + "…"
            point.display_name = f"[{point.code}] {name}" if point.code else name

    @api.depends("step_id.table_no", "code")
    def _compute_catalog(self):
        for point in self:
            code = point.code or ""
            printed = point.step_id.table_no and PRINTED_CODE.fullmatch(code)
            point.catalog = "rules" if printed else "sensor"

    def _compute_event_count(self):
        counts = dict(
            self.env["office.risk.event"]._read_group(
                [("point_id", "in", self.ids)], ["point_id"], ["__count"]
            )
        )
        for point in self:
            point.event_count = counts.get(point, 0)

    def _event_level(self):
        """The level an event of this point starts with."""
        self.ensure_one()
        return self.level if self.level != "variable" else False

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        points = super().create(vals_list)
        points._new_version()
        return points

    def write(self, vals):
        res = super().write(vals)
        if any(field in vals for field in VERSIONED_FIELDS):
            self._new_version()
        return res

    def _new_version(self):
        Version = self.env["office.risk.point.version"].sudo()
        for point in self:
            version = Version.create(
                {
                    "point_id": point.id,
                    "version": point.version + 1,
                    "name": point.name,
                    "level": point.level,
                    "responsible_unit": point.responsible_unit,
                    "control_measures": point.control_measures,
                    "step_id": point.step_id.id,
                }
            )
            super(OfficeRiskPoint, point).write(
                {"version": version.version, "current_version_id": version.id}
            )
        return True

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_view_events(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "office_risk.office_risk_event_action"
        )
        action["domain"] = [("point_id", "=", self.id)]
        action["context"] = {"default_point_id": self.id}
        return action
