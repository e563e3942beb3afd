import json
import re

from odoo.tests import new_test_user

from odoo.addons.office_base.tests.common import OfficeTestCase

#: a pivot formula and its arguments, e.g. PIVOT.VALUE(1,"__count","state","closed")
PIVOT_CALL = re.compile(r"PIVOT\.(VALUE|HEADER)\(")


def formula_calls(formula):
    """The PIVOT.VALUE / PIVOT.HEADER calls of a formula as (function,
    [arguments]), each argument a JSON literal (string, number) or the raw
    text of an expression (YEAR(TODAY()))."""
    calls = []
    for match in PIVOT_CALL.finditer(formula):
        depth, start, args, quoted = 0, match.end(), [], False
        for index in range(match.end(), len(formula)):
            char = formula[index]
            if char == '"':
                quoted = not quoted
            if quoted:
                continue
            if char == "(":
                depth += 1
            elif char == ")" and depth:
                depth -= 1
            elif char in ",)" and not depth:
                args.append(formula[start:index].strip())
                start = index + 1
                if char == ")":
                    break
        calls.append((match.group(1), [_literal(arg) for arg in args]))
    return calls


def _literal(arg):
    try:
        return json.loads(arg)
    except ValueError:
        return arg


class OfficeDashboardCase(OfficeTestCase):
    """The suite's dashboards as shipped, and one user per role with only
    the role's group; no demo data is used."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.director = new_test_user(
            cls.env, "dash_director", groups="office_base.group_office_director"
        )
        cls.internal_control = new_test_user(
            cls.env,
            "dash_ic",
            groups="office_base.group_office_internal_control",
        )
        cls.leader = new_test_user(
            cls.env, "dash_leader", groups="office_base.group_office_leader"
        )
        cls.staff = new_test_user(
            cls.env, "dash_staff", groups="office_base.group_office_user"
        )
        cls.dashboards = cls.env["spreadsheet.dashboard"].browse(
            cls.env["ir.model.data"]
            .search(
                [
                    ("module", "=", "office_dashboard"),
                    ("model", "=", "spreadsheet.dashboard"),
                ]
            )
            .mapped("res_id")
        )

    @classmethod
    def _document(cls, dashboard):
        return json.loads(dashboard.spreadsheet_data)

    @classmethod
    def _formulas(cls, document):
        for sheet in document["sheets"]:
            for xc, cell in sheet["cells"].items():
                content = cell.get("content", "")
                if content.startswith("="):
                    yield sheet["name"], xc, content
