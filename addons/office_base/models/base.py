import functools
import math
import reprlib
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import ValidationError

OFFICE_PREFIX = "office."
INT4_MIN, INT4_MAX = -(2**31), 2**31 - 1
TEXT_LIMITS = {"char": 4_000, "text": 2_000_000, "html": 2_000_000}
SHORT = reprlib.Repr()
SHORT.maxstring = SHORT.maxother = 40
SHORT.maxlist = SHORT.maxdict = 4


def _is_id(value):
    return type(value) is int and 0 < value <= INT4_MAX


def _readable_first(origin):
    @functools.wraps(origin)
    def action(self, *args, **kwargs):
        self.check_access("read")
        return origin(self, *args, **kwargs)

    return action


def _office_public_methods(model_class):
    """Names of the public methods the suite's addons define on a model
    (``action_*`` and the others RPC reaches: ``stamp``, ``depart``, device
    calls, …), without the ORM's own API."""
    names = set()
    for klass in model_class.__mro__:
        if not klass.__module__.startswith("odoo.addons.office_"):
            continue
        for name, value in vars(klass).items():
            if (
                not name.startswith("_")
                and callable(value)
                and not isinstance(value, type)
                and not hasattr(models.BaseModel, name)
            ):
                names.add(name)
    return names


def _as_number(value):
    """Odoo stores "12" or "1.5" in a numeric column: so do the checks."""
    for to_number in (int, float) if isinstance(value, str) else ():
        try:
            return to_number(value)
        except ValueError:
            continue
    return value


def _parses(to_value, value):
    try:
        to_value(value)
    except (TypeError, ValueError, OverflowError):
        return False
    return True


class Base(models.AbstractModel):
    """Two guarantees for every model of the suite, put on the registry class
    (the top of its MRO, as base_automation does) so that they run before any
    override of the model:

    - incoming values are checked against their fields' types, so a
      wrong-typed value from XML-RPC, JSON-RPC or code gets a translated
      ValidationError instead of a traceback from deep in the ORM or
      PostgreSQL, and nothing is written;
    - every public method an office addon defines on the model (``action_*``,
      and the others RPC reaches: ``stamp``, ``depart``, ``verify_chain``,
      device calls, …) needs read access to its records, even one that only
      opens a window or checks a role itself."""

    _inherit = "base"

    def _register_hook(self):
        super()._register_hook()
        if self._name.startswith(OFFICE_PREFIX) and not self._abstract:
            model_class = self.env.registry[self._name]
            for name, guarded in self._office_guards(model_class).items():
                guarded.office_guard = True
                setattr(model_class, name, guarded)

    def _unregister_hook(self):
        model_class = self.env.registry[self._name]
        for name, value in list(vars(model_class).items()):
            if getattr(value, "office_guard", False):
                delattr(model_class, name)
        return super()._unregister_hook()

    @api.model
    def _office_guards(self, model_class):
        if getattr(vars(model_class).get("create"), "office_guard", False):
            return {}
        origin_create, origin_write = model_class.create, model_class.write

        @api.model_create_multi
        def create(self, vals_list, **kwargs):
            for vals in vals_list:
                self._office_check_vals(vals)
            return origin_create(self, vals_list, **kwargs)

        def write(self, vals, **kwargs):
            self._office_check_vals(vals)
            return origin_write(self, vals, **kwargs)

        guards = {"create": create, "write": write}
        for name in _office_public_methods(model_class):
            guards[name] = _readable_first(getattr(model_class, name))
        return guards

    @api.model
    def _create(self, data_list):
        if self._name.startswith(OFFICE_PREFIX):
            for data in data_list:
                self._office_check_required(data["stored"])
        return super()._create(data_list)

    @api.model
    def _office_check_required(self, stored):
        """What overrides and defaults left empty in a required column would
        come back from PostgreSQL as an untranslated NOT NULL violation."""
        for name, field in self._fields.items():
            value = stored.get(name)
            if (
                field.required
                and field.column_type
                and not field.compute
                and field.type != "boolean"
                and (value is None or value is False)
            ):
                raise ValidationError(
                    self.env._(
                        "%(model)s: “%(field)s” is required.",
                        model=self._office_model_label(),
                        field=field._description_string(self.env),
                    )
                )

    @api.model
    def _office_check_vals(self, vals):
        if not isinstance(vals, dict):
            raise ValidationError(
                self.env._(
                    "%(model)s: the values must be a mapping of field names to "
                    "values, not %(value)s.",
                    model=self._office_model_label(),
                    value=SHORT.repr(vals),
                )
            )
        for name, value in vals.items():
            field = self._fields.get(name)
            if field is None:
                raise ValidationError(
                    self.env._(
                        "%(model)s has no field “%(field)s”.",
                        model=self._office_model_label(),
                        field=SHORT.repr(name),
                    )
                )
            problem = self._office_value_problem(field, value)
            if problem:
                raise ValidationError(
                    self.env._(
                        "%(model)s, %(field)s: %(problem)s (received %(value)s).",
                        model=self._office_model_label(),
                        field=field._description_string(self.env),
                        problem=problem,
                        value=SHORT.repr(value),
                    )
                )

    def _office_model_label(self):
        return self.env["ir.model"]._get(self._name).name or self._description

    def _office_value_problem(self, field, value):
        """What is wrong with ``value`` for ``field``, or None if Odoo can
        store it. None and False mean "empty" for every type."""
        if value is None or value is False or field.type == "boolean":
            return None
        check = getattr(self, f"_office_problem_{field.type}", None)
        if field.type in TEXT_LIMITS:
            check = self._office_problem_text
        return check(field, value) if check else None

    def _office_problem_text(self, field, value):
        if isinstance(value, bytes):
            value = value.decode(errors="replace")
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            return self.env._("expected text")
        if isinstance(value, str) and "\x00" in value:
            return self.env._("text cannot contain NUL characters")
        limit = field.size or TEXT_LIMITS[field.type]
        if isinstance(value, str) and len(value) > limit:
            return self.env._(
                "the text is too long: %(length)s characters, at most %(limit)s",
                length=len(value),
                limit=limit,
            )
        return None

    def _office_problem_integer(self, field, value):
        value = _as_number(value)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if not isinstance(value, int):
            return self.env._("expected a whole number")
        if not INT4_MIN <= value <= INT4_MAX:
            return self.env._("the number is too large")
        return None

    def _office_problem_float(self, field, value):
        value = _as_number(value)
        if not isinstance(value, (int, float)) or not math.isfinite(value):
            return self.env._("expected a number")
        if abs(value) >= 1e15:
            return self.env._("the number is too large")
        return None

    _office_problem_monetary = _office_problem_float

    def _office_problem_selection(self, field, value):
        allowed = [key for key, _label in field._description_selection(self.env)]
        if value not in allowed:
            return self.env._(
                "expected one of %(allowed)s", allowed=", ".join(map(str, allowed))
            )
        return None

    def _office_problem_date(self, field, value):
        if isinstance(value, date) or (
            isinstance(value, str) and value and _parses(fields.Date.to_date, value)
        ):
            return None
        return self.env._("expected a date written YYYY-MM-DD")

    def _office_problem_datetime(self, field, value):
        if isinstance(value, date) or (
            isinstance(value, str)
            and value
            and _parses(fields.Datetime.to_datetime, value)
        ):
            return None
        return self.env._("expected a date and time written YYYY-MM-DD HH:MM:SS")

    def _office_problem_binary(self, field, value):
        if not isinstance(value, (str, bytes)):
            return self.env._("expected file content in base64")
        return None

    def _office_problem_many2one(self, field, value):
        if isinstance(value, models.BaseModel) and value._name == field.comodel_name:
            return None
        if isinstance(value, models.NewId) or (
            isinstance(value, tuple) and value and _is_id(value[0])
        ):
            return None
        if not _is_id(_as_number(value)):
            return self.env._("expected the id of a record (a positive whole number)")
        return None

    def _office_problem_one2many(self, field, value):
        if isinstance(value, models.BaseModel):
            return None
        if not isinstance(value, (list, tuple)) or not all(
            _is_id(item) or isinstance(item, dict) or self._office_is_command(item)
            for item in value
        ):
            return self.env._("expected a list of record ids or commands")
        return None

    _office_problem_many2many = _office_problem_one2many

    @staticmethod
    def _office_is_command(item):
        if not isinstance(item, (list, tuple)) or not item:
            return False
        if not isinstance(item[0], int) or isinstance(item[0], bool):
            return False
        code, rest = item[0], list(item[1:]) + [None, None]
        if code in (fields.Command.CREATE, fields.Command.UPDATE):
            return isinstance(rest[1], dict) and (code == 0 or _is_id(rest[0]))
        if code in (
            fields.Command.DELETE,
            fields.Command.UNLINK,
            fields.Command.LINK,
        ):
            return _is_id(rest[0])
        if code == fields.Command.CLEAR:
            return True
        if code == fields.Command.SET:
            return isinstance(rest[1], (list, tuple)) and all(map(_is_id, rest[1]))
        return False
