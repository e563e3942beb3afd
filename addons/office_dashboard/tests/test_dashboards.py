import base64
import io
import json

from odoo.tests import tagged
from odoo.tools import file_open
from odoo.tools.translate import PoFileReader, extract_spreadsheet_terms

from .common import OfficeDashboardCase, formula_calls

DASHBOARD_FILES = {
    "office_dashboard.spreadsheet_dashboard_director": "director_dashboard.json",
    "office_dashboard.spreadsheet_dashboard_internal_control": (
        "internal_control_dashboard.json"
    ),
    "office_dashboard.spreadsheet_dashboard_leaders": "leaders_dashboard.json",
}


@tagged("post_install", "-at_install")
class TestDashboards(OfficeDashboardCase):
    """Every dashboard names models, fields, measures, values, menus and
    actions that exist, and shows itself to its roles only."""

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------
    def _fields(self, model):
        self.assertIn(model, self.env, f"no model {model}")
        return self.env[model].fields_get(
            attributes=["type", "groupable", "aggregator", "selection"]
        )

    def _check_groupby(self, where, model, fields, groupby):
        name = groupby.split(":")[0]
        self.assertIn(name, fields, f"{where}: {model} has no field {name}")
        self.assertTrue(
            fields[name]["groupable"], f"{where}: {model}.{name} cannot be grouped"
        )

    def _check_measure(self, where, model, fields, measure):
        if measure == "__count":
            return
        self.assertIn(measure, fields, f"{where}: {model} has no field {measure}")
        self.assertTrue(
            fields[measure].get("aggregator"),
            f"{where}: {model}.{measure} is no measure",
        )

    def _check_domain(self, where, model, domain):
        try:
            self.env[model].search_count(domain)
        except ValueError as error:
            self.fail(f"{where}: bad domain {domain} on {model}: {error}")

    def _pivots(self):
        for dashboard in self.dashboards:
            document = self._document(dashboard)
            for pivot in document.get("pivots", {}).values():
                yield dashboard, document, pivot

    # ------------------------------------------------------------------
    # the shipped documents
    # ------------------------------------------------------------------
    def test_every_shipped_dashboard_is_loaded(self):
        for xmlid, filename in DASHBOARD_FILES.items():
            dashboard = self.env.ref(xmlid)
            with file_open(f"office_dashboard/data/files/{filename}", "rb") as file:
                self.assertEqual(
                    dashboard.spreadsheet_binary_data, base64.b64encode(file.read())
                )
            self.assertEqual(
                dashboard.dashboard_group_id,
                self.env.ref("office_dashboard.spreadsheet_dashboard_group_office"),
            )
            self.assertTrue(dashboard.is_published)
        self.assertEqual(len(self.dashboards), len(DASHBOARD_FILES))

    def test_every_pivot_names_an_existing_model_fields_and_measures(self):
        for dashboard, _document, pivot in self._pivots():
            where = f"{dashboard.name} / pivot {pivot['id']} {pivot['name']}"
            self.assertEqual(pivot["type"], "ODOO", where)
            fields = self._fields(pivot["model"])
            for dimension in pivot["rows"] + pivot["columns"]:
                self._check_groupby(
                    where, pivot["model"], fields, dimension["fieldName"]
                )
            self.assertTrue(pivot["measures"], where)
            for measure in pivot["measures"]:
                self._check_measure(where, pivot["model"], fields, measure["fieldName"])
            if pivot.get("sortedColumn"):
                measures = {m["id"] for m in pivot["measures"]}
                self.assertIn(pivot["sortedColumn"]["measure"], measures, where)
            self._check_domain(where, pivot["model"], pivot["domain"])

    def test_every_pivot_formula_names_a_pivot_its_dimensions_and_values(self):
        """PIVOT.VALUE / PIVOT.HEADER: the pivot exists, the measure is one of
        its measures, each dimension is one of its rows or columns and each
        selection value written in the formula is a value of the field."""
        for dashboard in self.dashboards:
            document = self._document(dashboard)
            pivots = document["pivots"]
            calls = 0
            for sheet, xc, formula in self._formulas(document):
                for function, args in formula_calls(formula):
                    calls += 1
                    where = f"{dashboard.name} / {sheet}!{xc} {formula}"
                    pivot = pivots.get(str(args[0]))
                    self.assertTrue(pivot, f"{where}: no pivot {args[0]}")
                    if function == "VALUE":
                        measures = {m["id"] for m in pivot["measures"]}
                        self.assertIn(args[1], measures, where)
                        pairs = args[2:]
                    else:
                        pairs = args[1:]
                    self.assertEqual(len(pairs) % 2, 0, where)
                    dimensions = {
                        ":".join(filter(None, (d["fieldName"], d.get("granularity"))))
                        for d in pivot["rows"] + pivot["columns"]
                    }
                    fields = self._fields(pivot["model"])
                    for dimension, value in zip(pairs[::2], pairs[1::2], strict=True):
                        name = dimension.lstrip("#")
                        self.assertIn(name, dimensions, where)
                        field = fields[name.split(":")[0]]
                        if field["type"] == "selection" and not dimension.startswith(
                            "#"
                        ):
                            keys = {key for key, _label in field["selection"]}
                            self.assertIn(value, keys, f"{where}: no value {value}")
            self.assertTrue(calls, f"{dashboard.name} shows no pivot value")

    def test_every_chart_names_an_existing_model_fields_and_measure(self):
        charts = 0
        for dashboard in self.dashboards:
            document = self._document(dashboard)
            cells = {
                f"{sheet['name']}!{xc}"
                for sheet in document["sheets"]
                for xc in sheet["cells"]
            }
            for sheet in document["sheets"]:
                for figure in sheet["figures"]:
                    data = figure["data"]
                    where = f"{dashboard.name} / chart {data['title'].get('text')}"
                    if data["type"] == "scorecard":
                        self.assertIn(data["keyValue"], cells, where)
                        continue
                    if not data["type"].startswith("odoo_"):
                        ranges = [data["labelRange"]] + [
                            s["dataRange"] for s in data["dataSets"]
                        ]
                        for range_ in ranges:
                            self.assertIn(
                                range_.split(":")[0], cells, f"{where}: {range_}"
                            )
                        continue
                    self.assertTrue(data["type"].startswith("odoo_"), where)
                    charts += 1
                    meta = data["metaData"]
                    fields = self._fields(meta["resModel"])
                    for groupby in meta["groupBy"]:
                        self._check_groupby(where, meta["resModel"], fields, groupby)
                    self._check_measure(
                        where, meta["resModel"], fields, meta["measure"]
                    )
                    self._check_domain(
                        where, meta["resModel"], data["searchParams"]["domain"]
                    )
            for list_ in document.get("lists", {}).values():
                fields = self._fields(list_["model"])
                for column in list_["columns"]:
                    self.assertIn(
                        column, fields, f"{dashboard.name} / list {list_['name']}"
                    )
        self.assertTrue(charts)

    def test_every_link_and_menu_of_a_dashboard_exists(self):
        for dashboard in self.dashboards:
            document = self._document(dashboard)
            for xmlid in document.get("chartOdooMenusReferences", {}).values():
                self.assertEqual(self.env.ref(xmlid)._name, "ir.ui.menu", xmlid)
            for sheet in document["sheets"]:
                for cell in sheet["cells"].values():
                    content = cell.get("content", "")
                    if "(odoo://view/" not in content:
                        continue
                    link = json.loads(content.split("(odoo://view/", 1)[1][:-1])
                    action = self.env.ref(link["action"]["xmlId"])
                    self.assertEqual(action.res_model, link["action"]["modelName"])
                    self._check_domain(
                        content, action.res_model, link["action"]["domain"]
                    )

    # ------------------------------------------------------------------
    # who sees them
    # ------------------------------------------------------------------
    def test_each_dashboard_is_shown_to_its_roles_only(self):
        director = self.env.ref("office_dashboard.spreadsheet_dashboard_director")
        internal_control = self.env.ref(
            "office_dashboard.spreadsheet_dashboard_internal_control"
        )
        leaders = self.env.ref("office_dashboard.spreadsheet_dashboard_leaders")
        for dashboard in self.dashboards:
            self.assertTrue(dashboard.group_ids, dashboard.name)
            self.assertNotIn(self.env.ref("base.group_user"), dashboard.group_ids)
        Dashboard = self.env["spreadsheet.dashboard"]
        seen = {
            user: Dashboard.with_user(user).search([("id", "in", self.dashboards.ids)])
            for user in (self.director, self.internal_control, self.leader, self.staff)
        }
        self.assertEqual(seen[self.director], director | internal_control | leaders)
        self.assertEqual(seen[self.internal_control], internal_control)
        self.assertEqual(seen[self.leader], leaders)
        self.assertFalse(seen[self.staff])

    def test_each_role_reads_every_pivot_and_chart_of_its_dashboards(self):
        """What a dashboard shows is read with the user's own rights: each
        role that sees a dashboard can group every model it names."""
        users = (self.director, self.internal_control, self.leader)
        for user in users:
            dashboards = (
                self.env["spreadsheet.dashboard"]
                .with_user(user)
                .search([("id", "in", self.dashboards.ids)])
            )
            for dashboard in dashboards.sudo():
                document = self._document(dashboard)
                for pivot in document["pivots"].values():
                    self.env[pivot["model"]].with_user(user).read_group(
                        pivot["domain"],
                        [
                            m["fieldName"]
                            for m in pivot["measures"]
                            if m["fieldName"] != "__count"
                        ],
                        [d["fieldName"] for d in pivot["rows"] + pivot["columns"]],
                        lazy=False,
                    )
                for sheet in document["sheets"]:
                    for figure in sheet["figures"]:
                        data = figure["data"]
                        if data["type"].startswith("odoo_"):
                            self.env[data["metaData"]["resModel"]].with_user(
                                user
                            ).read_group(
                                data["searchParams"]["domain"],
                                [],
                                data["metaData"]["groupBy"],
                                lazy=False,
                            )

    # ------------------------------------------------------------------
    # Chinese
    # ------------------------------------------------------------------
    def test_every_label_of_a_dashboard_has_a_chinese_translation(self):
        with file_open("office_dashboard/i18n/zh_CN.po", "rb") as file:
            translated = {
                entry["src"] for entry in PoFileReader(file) if entry["value"]
            }
        for filename in DASHBOARD_FILES.values():
            with file_open(f"office_dashboard/data/files/{filename}", "rb") as file:
                terms = {
                    term
                    for _line, _function, term, _comments in extract_spreadsheet_terms(
                        io.BytesIO(file.read()), [], [], {}
                    )
                }
            self.assertTrue(terms)
            self.assertFalse(terms - translated, f"{filename}: untranslated labels")
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["office_dashboard"], ["zh_CN"])
        for record in [*self.dashboards, self.dashboards.dashboard_group_id]:
            name = record.with_context(lang="zh_CN").name
            self.assertRegex(name, r"[\u4e00-\u9fff]", record.name)
