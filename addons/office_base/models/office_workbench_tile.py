import datetime
import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.safe_eval import safe_eval

from ..tools import working_day_context

_logger = logging.getLogger(__name__)

DEADLINE_TYPES = ("date", "datetime")


class OfficeWorkbenchTile(models.Model):
    """A tile of the workbench (工作台), each role's home: a count of the
    records of ``model_name`` matching ``domain``, counted as the user (record
    rules apply), for the members of the tile's groups. A tile whose model is
    not installed, whose groups the user lacks or whose model the user cannot
    read is left out, so that tiles of every app of the suite can ship here.

    The domain is evaluated with the names of
    ``office_base.tools.working_day_context`` (``uid``, ``today``,
    ``working_days_ahead(n)``...). With a deadline field, the count is split
    into red (overdue), yellow (due within ``warn_days`` working days) and
    green (later); the nearest deadlines of the 'todo' tiles make the list
    "my deadlines"."""

    _name = "office.workbench.tile"
    _description = "Workbench Tile"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", index=True, help="Empty: shared by every agency."
    )
    kind = fields.Selection(
        [("todo", "Waits for me"), ("watch", "Watched")],
        required=True,
        default="todo",
        help="Waits for me: records the user has to act on; their deadlines "
        "make the list of my deadlines. Watched: counts a director or a "
        "leader follows.",
    )
    model_name = fields.Char(
        string="Model",
        required=True,
        help="e.g. office.incoming.document; the tile is left out while the "
        "model is not installed.",
    )
    domain = fields.Text(
        string="Condition",
        required=True,
        default="[]",
        help="Records counted, as the user sees them. Names available: uid, "
        "today, now, datetime, timedelta, relativedelta, working_days_ago(n), "
        "working_days_ahead(n), is_working_day(d), working_days_between(a, b).",
    )
    action_xmlid = fields.Char(
        string="Action",
        help="XML id of the window action opened on a click, e.g. "
        "office_docs.office_incoming_document_action; filtered on the "
        "condition. Empty, or not installed: a plain list of the records.",
    )
    groups_ids = fields.Many2many(
        "res.groups",
        help="Who sees the tile (any of these groups or of the groups by XML "
        "id). No group at all: everyone.",
    )
    group_xmlids = fields.Char(
        string="Groups by XML id",
        help="Comma-separated XML ids of groups of other apps, e.g. "
        "office_fleet.group_fleet_dispatcher: a tile can name them before "
        "their app is installed. Groups not installed count as no one.",
    )
    deadline_field = fields.Char(
        help="Date or datetime field of the model giving each record's "
        "deadline, e.g. due_date: red when overdue, yellow within the warning "
        "days, green later.",
    )
    warn_days = fields.Integer(
        string="Warning days",
        default=2,
        help="Yellow: due within this many working days from today. No seed "
        "sets the number; two working days leave a day to act and a day to "
        "report.",
    )
    hide_empty = fields.Boolean(
        string="Hide when empty",
        help="Leave the tile out while it counts nothing, e.g. the trips of a "
        "driver: only the people it concerns see it.",
    )
    title_field = fields.Char(
        help="Field naming each record in my deadlines, e.g. res_name for the "
        "approvals; empty: the record's name.",
    )
    breakdown_field = fields.Char(
        help="Selection field splitting the count, e.g. level for the risk "
        "events by level.",
    )
    model_available = fields.Boolean(
        compute="_compute_model_available", string="Model installed"
    )
    model_label = fields.Char(compute="_compute_model_available", string="Counts")

    _sql_constraints = [
        (
            "warn_days_positive",
            "CHECK(warn_days >= 0)",
            "The warning days of a tile cannot be negative.",
        ),
    ]

    @api.depends("model_name")
    def _compute_model_available(self):
        IrModel = self.env["ir.model"]
        for tile in self:
            tile.model_available = bool(tile.model_name) and (
                tile.model_name in self.env
            )
            tile.model_label = (
                IrModel._get(tile.model_name).name if tile.model_available else False
            )

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains(
        "model_name",
        "domain",
        "deadline_field",
        "breakdown_field",
        "title_field",
        "action_xmlid",
    )
    def _check_definition(self):
        context = working_day_context(self.env)
        for tile in self:
            domain = tile._checked_domain(context)
            if not tile.model_available:
                continue
            Model = self.env[tile.model_name].sudo()
            try:
                Model._where_calc(domain)
            except Exception as exc:
                raise ValidationError(
                    self.env._(
                        "The condition of the tile “%(tile)s” does not fit "
                        "%(model)s: %(error)s",
                        tile=tile.name,
                        model=tile.model_name,
                        error=exc,
                    )
                ) from exc
            tile._check_field(Model, tile.deadline_field, DEADLINE_TYPES)
            tile._check_field(Model, tile.breakdown_field, ("selection",))
            if tile.title_field and tile.title_field not in Model._fields:
                raise ValidationError(
                    self.env._(
                        "%(model)s has no field “%(field)s”.",
                        model=tile.model_name,
                        field=tile.title_field,
                    )
                )
            tile._check_action()

    def _checked_domain(self, context):
        try:
            domain = self._eval_domain(context)
        except Exception as exc:
            raise ValidationError(
                self.env._(
                    "The condition of the tile “%(tile)s” cannot be read: %(error)s",
                    tile=self.name,
                    error=exc,
                )
            ) from exc
        if not isinstance(domain, list | tuple):
            raise ValidationError(
                self.env._(
                    "The condition of the tile “%(tile)s” must be a list of "
                    "conditions.",
                    tile=self.name,
                )
            )
        return domain

    def _check_field(self, Model, fname, types):
        if not fname:
            return
        field = Model._fields.get(fname)
        if not field or field.type not in types or not field.store:
            raise ValidationError(
                self.env._(
                    "%(model)s has no stored field “%(field)s” of type %(types)s "
                    "for the tile “%(tile)s”.",
                    model=self.model_name,
                    field=fname,
                    types=", ".join(types),
                    tile=self.name,
                )
            )

    def _check_action(self):
        if not self.action_xmlid:
            return
        action = self.env.ref(self.action_xmlid, raise_if_not_found=False)
        if action is None:
            return  # its app is not installed yet: a plain list meanwhile
        if action._name != "ir.actions.act_window" or (
            action.sudo().res_model != self.model_name
        ):
            raise ValidationError(
                self.env._(
                    "The action of the tile “%(tile)s” must be a window action "
                    "on %(model)s.",
                    tile=self.name,
                    model=self.model_name,
                )
            )

    # ------------------------------------------------------------------
    # Evaluation, as the user
    # ------------------------------------------------------------------

    def _eval_domain(self, context):
        self.ensure_one()
        return list(safe_eval(self.domain or "[]", dict(context)))

    def _group_ids(self):
        self.ensure_one()
        ids = set(self.groups_ids.ids)
        for xmlid in (self.group_xmlids or "").split(","):
            group = xmlid.strip() and self.env.ref(
                xmlid.strip(), raise_if_not_found=False
            )
            if group and group._name == "res.groups":
                ids.add(group.id)
        return ids

    def _shown_to_user(self, user_group_ids):
        """The tile's model is installed and readable by the user, who is in
        one of its groups (a tile with no group is for everyone)."""
        self.ensure_one()
        if not self.model_available:
            return False
        if self.groups_ids or self.group_xmlids:
            if not self._group_ids() & user_group_ids:
                return False
        return self.env[self.model_name].has_access("read")

    @api.model
    def _visible_tiles(self):
        user_group_ids = set(self.env.user.groups_id.ids)
        return self.search([]).filtered(
            lambda tile: tile._shown_to_user(user_group_ids)
        )

    @api.model
    def get_workbench(self, deadline_limit=8):
        """The workbench of the current user: the tiles with their counts
        and colour counts, and the nearest deadlines of the 'todo' tiles."""
        deadline_limit = max(1, min(int(deadline_limit), 50))
        context = working_day_context(self.env)
        today = context["today"]
        calendar = self.env["office.calendar"]
        tiles, deadlines = [], []
        for tile in self._visible_tiles():
            try:
                domain = tile._eval_domain(context)
                counts = tile._counts(domain, today)
                if tile.hide_empty and not counts["count"]:
                    continue
                tiles.append(counts)
                if tile.kind == "todo" and tile.deadline_field and counts["count"]:
                    deadlines += tile._nearest(domain, deadline_limit)
            except (AccessError, UserError, ValueError) as exc:
                # a tile the user may not use is left out, and hides no other
                _logger.info("Workbench tile %s failed: %s", tile.name, exc)
        deadlines.sort(key=lambda item: (item["deadline"], item["res_id"]))
        deadlines = deadlines[:deadline_limit]
        for item in deadlines:
            # named once cut: a title may cost a read of the request behind it
            record, tile = item.pop("record"), item.pop("tile_record")
            item["name"] = (
                tile.title_field and record[tile.title_field]
            ) or record.display_name
            days = calendar.working_days_between(today, item["deadline"])
            item["days_left"] = days
            item["colour"] = _colour(
                item["deadline"], today, calendar.add_working_days(today, item["warn"])
            )
            item["deadline"] = fields.Date.to_string(item["deadline"])
        return {
            "today": fields.Date.to_string(today),
            "tiles": tiles,
            "deadlines": deadlines,
        }

    def _counts(self, domain, today):
        Model = self.env[self.model_name]
        values = {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "red": 0,
            "yellow": 0,
            "green": 0,
            "breakdown": [],
        }
        if self.deadline_field:
            limit = self.env["office.calendar"].add_working_days(today, self.warn_days)
            rows = Model._read_group(
                domain, [f"{self.deadline_field}:day"], ["__count"]
            )
            for day, count in rows:
                if day:
                    values[_colour(_as_date(day), today, limit)] += count
            values["count"] = sum(count for _day, count in rows)
        elif self.breakdown_field:
            labels = dict(
                Model._fields[self.breakdown_field]._description_selection(self.env)
            )
            rows = dict(Model._read_group(domain, [self.breakdown_field], ["__count"]))
            values["breakdown"] = [
                {"value": key, "label": label, "count": rows[key]}
                for key, label in labels.items()
                if rows.get(key)
            ]
            values["count"] = sum(rows.values())
        else:
            values["count"] = Model.search_count(domain)
        return values

    def _nearest(self, domain, limit):
        fname = self.deadline_field
        records = self.env[self.model_name].search_fetch(
            [*domain, (fname, "!=", False)],
            [fname],
            order=f"{fname}, id",
            limit=limit,
        )
        calendar = self.env["office.calendar"]
        return [
            {
                "tile": self.name,
                "tile_id": self.id,
                "model": self.model_name,
                "res_id": record.id,
                "record": record,
                "tile_record": self,
                "deadline": _as_date(
                    calendar.to_local(record[fname])
                    if isinstance(record[fname], datetime.datetime)
                    else record[fname]
                ),
                "warn": self.warn_days,
            }
            for record in records
        ]

    # ------------------------------------------------------------------
    # Opening a tile
    # ------------------------------------------------------------------

    def action_open(self):
        """The tile's records, as counted: the views of the tile's action (or
        a plain list) on the tile's condition, in place of the action's."""
        self.ensure_one()
        if self not in self._visible_tiles():
            raise UserError(self.env._("This tile is not on your workbench."))
        domain = self._eval_domain(working_day_context(self.env))
        action = self._window_action()
        action.update(
            {
                "name": self.name,
                "display_name": self.name,
                "domain": domain,
                "context": self._action_context(action.get("context")),
                "target": "current",
            }
        )
        return action

    def action_open_record(self, res_id):
        """One record of the tile, in the form of the tile's action."""
        self.ensure_one()
        action = self.action_open()
        record = self.env[self.model_name].browse(int(res_id))
        record.check_access("read")
        forms = [view for view in action.get("views") or [] if view[1] == "form"]
        action.update(
            {
                "res_id": record.id,
                "view_mode": "form",
                "views": forms[:1] or [(False, "form")],
            }
        )
        return action

    def _window_action(self):
        xmlid = self.action_xmlid
        record = xmlid and self.env.ref(xmlid, raise_if_not_found=False)
        if record and record._name == "ir.actions.act_window":
            return self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        return {
            "type": "ir.actions.act_window",
            "res_model": self.model_name,
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
        }

    @api.model
    def _action_context(self, context):
        """The action's context without its default filters: the list shows
        the records the tile counted."""
        if isinstance(context, str):
            try:
                context = safe_eval(context, {"uid": self.env.uid})
            except Exception:  # noqa: BLE001 - a context naming the client's values
                context = {}
        return {
            key: value
            for key, value in (context or {}).items()
            if not key.startswith(("search_default_", "group_by"))
        }


def _as_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    return fields.Date.to_date(value)


def _colour(day, today, limit):
    if day < today:
        return "red"
    return "yellow" if day <= limit else "green"
