import datetime
import logging
import re

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.safe_eval import safe_eval

from odoo.addons.office_base.tools.domain_context import working_day_context

from .office_risk_domain import RISK_LEVELS

_logger = logging.getLogger(__name__)

PLACEHOLDER = re.compile(r"\{([A-Za-z_][\w.]*)\}")


class OfficeRiskSensor(models.Model):
    """A live risk sensor (风险探针): a domain over any model, evaluated by a
    scheduled action; every matching record is a breach of the sensor's risk
    point and raises one risk event (dedup key), refreshed at each run. A
    sensor whose model is not installed is skipped.

    The domain is evaluated with ``today``, ``now``, ``relativedelta``,
    ``timedelta``, ``datetime``, ``working_days_ago(n)``,
    ``working_days_ahead(n)``, ``is_working_day(d)``,
    ``working_days_between(a, b)`` (China's working days, office.calendar)
    and ``uid``. The description template and the dedup key use
    ``{field}`` or ``{field.subfield}`` placeholders of the source record."""

    _name = "office.risk.sensor"
    _description = "Risk Sensor"
    _check_company_auto = True
    _inherit = ["mail.thread"]
    _order = "sequence, id"

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Empty: shared by every agency.",
    )
    model_name = fields.Char(
        string="Model", required=True, tracking=True, help="e.g. office.licence"
    )
    domain = fields.Text(string="Condition", required=True, default="[]", tracking=True)
    point_id = fields.Many2one(
        "office.risk.point",
        string="Risk point",
        required=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
    )
    domain_id = fields.Many2one(
        related="point_id.domain_id", store=True, string="Risk domain"
    )
    level = fields.Selection(
        RISK_LEVELS, required=True, default="general", tracking=True
    )
    description_template = fields.Text(
        default="{display_name}",
        help="Text of the raised events; {field} is replaced by the source's value.",
    )
    dedup_key = fields.Char(
        string="Dedup key",
        required=True,
        default="{id}",
        help="One open event per distinct key: {id} is one event per record.",
    )
    department_field = fields.Char(
        help="Field of the source giving the responsible department, e.g. "
        "lead_department_id."
    )
    user_field = fields.Char(
        help="Field of the source giving the responsible person, e.g. applicant_id."
    )
    batch_size = fields.Integer(
        default=200, help="Most events raised per sensor and run."
    )
    note = fields.Text()
    model_available = fields.Boolean(
        compute="_compute_model_available", string="Model installed"
    )
    last_run = fields.Datetime(readonly=True, copy=False)
    last_error = fields.Text(readonly=True, copy=False)
    last_match_count = fields.Integer(string="Matches at last run", readonly=True)
    event_ids = fields.One2many("office.risk.event", "sensor_id", string="Events")
    open_event_count = fields.Integer(compute="_compute_open_event_count")

    _sql_constraints = [
        (
            "batch_size_positive",
            "CHECK(batch_size > 0)",
            "The batch size of a sensor must be positive.",
        ),
    ]

    @api.depends("model_name")
    def _compute_model_available(self):
        for sensor in self:
            sensor.model_available = bool(sensor.model_name) and (
                sensor.model_name in self.env
            )

    def _compute_open_event_count(self):
        counts = dict(
            self.env["office.risk.event"]._read_group(
                [("sensor_id", "in", self.ids), ("is_open", "=", True)],
                ["sensor_id"],
                ["__count"],
            )
        )
        for sensor in self:
            sensor.open_event_count = counts.get(sensor, 0)

    @api.constrains("model_name", "domain", "department_field", "user_field")
    def _check_domain(self):
        for sensor in self:
            try:
                domain = sensor._eval_domain()
            except Exception as exc:
                raise ValidationError(
                    self.env._(
                        "The domain of the sensor “%(sensor)s” cannot be read: "
                        "%(error)s",
                        sensor=sensor.name,
                        error=exc,
                    )
                ) from exc
            if not isinstance(domain, list | tuple):
                raise ValidationError(
                    self.env._("The domain of a sensor is a list of conditions.")
                )
            # shipped sensors name the fields of other apps: when such an app
            # differs, the sensor reports its error at run time instead of
            # blocking the installation
            if not sensor.model_available or self.env.context.get("install_mode"):
                continue
            Model = self.env[sensor.model_name].sudo()
            try:
                Model._where_calc(domain)
            except Exception as exc:
                raise ValidationError(
                    self.env._(
                        "The domain of the sensor “%(sensor)s” does not fit "
                        "%(model)s: %(error)s",
                        sensor=sensor.name,
                        model=sensor.model_name,
                        error=exc,
                    )
                ) from exc
            for fname in (sensor.department_field, sensor.user_field):
                if fname and fname not in Model._fields:
                    raise ValidationError(
                        self.env._(
                            "%(model)s has no field “%(field)s”.",
                            model=sensor.model_name,
                            field=fname,
                        )
                    )

    # ------------------------------------------------------------------
    # Evaluation
    # ------------------------------------------------------------------

    def _eval_context(self):
        return working_day_context(self.env)

    def _eval_domain(self):
        self.ensure_one()
        return safe_eval(self.domain or "[]", self._eval_context())

    @api.model
    def _render(self, template, record):
        """Replace {field.path} placeholders by the record's values."""

        def value(match):
            target = record
            for part in match.group(1).split("."):
                if part == "display_name" or part == "id" or part in target._fields:
                    target = target[part] if len(target) <= 1 else target[:1][part]
                else:
                    return match.group(0)
            if isinstance(target, models.BaseModel):
                return ", ".join(target.mapped("display_name"))
            if isinstance(target, datetime.datetime):
                local = self.env["office.calendar"].to_local(target)
                return local.strftime("%Y-%m-%d %H:%M")
            if target is False or target is None:
                return ""
            return str(target)

        return PLACEHOLDER.sub(value, template or "")

    def _open_events(self):
        return (
            self.env["office.risk.event"]
            .sudo()
            .search([("sensor_id", "in", self.ids), ("is_open", "=", True)])
        )

    def _run(self):
        """Evaluate the sensor once: refresh its open events and raise the new
        breaches, at most ``batch_size`` of them. Returns the number of new
        breaches left for the next run."""
        self.ensure_one()
        Event = self.env["office.risk.event"].sudo()
        Model = self.env[self.model_name].sudo()
        domain = list(self._eval_domain())
        now = fields.Datetime.now()
        open_events = self._open_events()
        # refresh: set-based, one search for all open events of the sensor
        same_model = open_events.filtered(lambda e: e.res_model == self.model_name)
        still = set(
            Model.search(domain + [("id", "in", same_model.mapped("res_id"))]).ids
        )
        matching = same_model.filtered(lambda e: e.res_id in still)
        resolved = open_events - matching
        if matching:
            self.env.cr.execute(
                "UPDATE office_risk_event SET last_seen = %s, hit_count = hit_count + 1"
                " WHERE id IN %s",
                (now, tuple(matching.ids)),
            )
            matching.invalidate_recordset(["last_seen", "hit_count"])
            back = matching.filtered(lambda e: not e.source_active)
            if back:
                back.write({"source_active": True})
        newly_resolved = resolved.filtered("source_active")
        if newly_resolved:
            newly_resolved.write({"source_active": False})
            for event in newly_resolved:
                event.message_post(
                    body=self.env._(
                        "The source no longer matches the sensor “%(sensor)s”: "
                        "the event can be closed.",
                        sensor=self.name,
                    )
                )
        # new breaches
        known_keys = set(open_events.mapped("dedup_key"))
        candidates = Model.search(domain + [("id", "not in", list(still))], order="id")
        vals_list = []
        for record in candidates:
            key = self._key(record)
            if key in known_keys:
                continue
            known_keys.add(key)
            vals_list.append(self._event_vals(record, key, now))
            if len(vals_list) >= self.batch_size:
                break
        remaining = 0
        if vals_list:
            Event.create(vals_list)
            last_id = max(v["res_id"] for v in vals_list)
            remaining = len(candidates.filtered(lambda r: r.id > last_id))
        self.sudo().write(
            {"last_run": now, "last_match_count": len(still) + len(candidates)}
        )
        return remaining

    def _key(self, record):
        return f"{self.id}:{self.model_name}:{self._render(self.dedup_key, record)}"

    def _event_text(self, record):
        """The template filled from the source; of a classified source only
        the sensor and the kind: an event is read by roles without the
        source's clearance (internal control, the leaders)."""
        if record._fields.get("secrecy_rank") and record.secrecy_rank:
            return self.env._(
                "%(sensor)s: %(record)s",
                sensor=self.name,
                record=self.env["office.risk.event"]._source_label(record),
            )
        return self._render(self.description_template, record)

    def _event_vals(self, record, key, now):
        department = (
            record[self.department_field]
            if self.department_field and self.department_field in record._fields
            else False
        )
        user = (
            record[self.user_field]
            if self.user_field and self.user_field in record._fields
            else False
        )
        text = self._event_text(record)
        vals = {
            "title": text[:250] or self.name,
            "description": text,
            "point_id": self.point_id.id,
            "proposed_level": self.level,
            "discovery": "sensor",
            "sensor_id": self.id,
            "dedup_key": key,
            "res_model": self.model_name,
            "res_id": record.id,
            "source_name": self.env["office.risk.event"]._source_label(record),
            "last_seen": now,
            "hit_count": 1,
            "reporter_id": self.env.ref("base.user_root").id,
            "date_found": now,
        }
        if department and department._name == "hr.department":
            vals["department_ids"] = [fields.Command.set(department.ids)]
        if user and user._name == "res.users":
            vals["responsible_user_ids"] = [fields.Command.set(user.ids)]
        if "company_id" in record._fields and record.company_id:
            vals["company_id"] = record.company_id[:1].id
        return vals

    @api.model
    def _cron_evaluate(self):
        """Evaluate the active sensors whose model is installed."""
        sensors = self.search([("active", "=", True)])
        runnable = sensors.filtered("model_available")
        done = remaining = 0
        for sensor in runnable:
            try:
                with self.env.cr.savepoint():
                    remaining += sensor._run()
            except Exception as exc:  # noqa: BLE001 - one bad sensor stops no other
                _logger.info("Risk sensor %s failed: %s", sensor.name, exc)
                sensor.sudo().last_error = str(exc)
                continue
            if sensor.last_error:
                sensor.sudo().last_error = False
            done += 1
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return done

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_run(self):
        for sensor in self:
            if not sensor.model_available:
                raise UserError(
                    self.env._(
                        "The model %(model)s is not installed.", model=sensor.model_name
                    )
                )
            sensor._run()
        return True

    def action_preview(self):
        """The records the sensor matches now."""
        self.ensure_one()
        if not self.model_available:
            raise UserError(
                self.env._(
                    "The model %(model)s is not installed: nothing to preview.",
                    model=self.model_name,
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Matches of %(sensor)s", sensor=self.name),
            "res_model": self.model_name,
            "domain": list(self._eval_domain()),
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "target": "current",
            "context": {"create": False},
        }

    def action_view_events(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "office_risk.office_risk_event_action"
        )
        action["domain"] = [("sensor_id", "=", self.id)]
        action["context"] = {"search_default_open": 1}
        return action
