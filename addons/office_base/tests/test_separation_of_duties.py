from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged

from .common import OfficeBaseCase

SYSTEM = "base.group_system"
SECURITY_ADMIN = "office_base.group_security_admin"
AUDITOR = "office_base.group_security_auditor"


@tagged("post_install", "-at_install")
class TestSeparationOfDuties(OfficeBaseCase):
    """三员分立: the system administrator, the security administrator and
    the security auditor are three people, and the system administrator
    holds no office role."""

    def _new(self, login, groups):
        return new_test_user(self.env, login=login, groups=groups)

    def test_the_system_administrator_holds_no_office_role(self):
        admin = self._new("sysadmin", SYSTEM)
        for role in (
            "office_base.group_office_director",
            "office_base.group_office_user",
            SECURITY_ADMIN,
            AUDITOR,
        ):
            self.assertFalse(admin.has_group(role), role)
        self.assertEqual(admin.office_clearance, "none")

    def test_two_of_the_three_roles_are_refused(self):
        for first, second in ((SYSTEM, SECURITY_ADMIN), (SYSTEM, AUDITOR),
                              (SECURITY_ADMIN, AUDITOR)):  # fmt: skip
            with self.assertRaises(ValidationError):
                self._new(f"two_{first[-5:]}_{second[-5:]}", f"{first},{second}")
        auditor = self._new("auditor_then_admin", AUDITOR)
        with self.assertRaises(ValidationError):
            auditor.groups_id += self.env.ref(SECURITY_ADMIN)

    def test_the_security_administrator_grants_clearances(self):
        security_admin = self._new("secadmin", SECURITY_ADMIN)
        self.staff.with_user(security_admin).office_clearance = "general"
        self.assertEqual(self.staff.office_clearance, "general")

    def test_the_auditor_reads_the_log_without_titles(self):
        secret = self.Request.create(
            {
                "name": "绝密审计请示",
                "secrecy_level": "top_secret",
                "need_to_know_user_ids": [(6, 0, self.principal.ids)],
            }
        )
        secret.with_user(self.principal).read(["name"])
        auditor = self._new("auditor", AUDITOR)
        Log = self.env["office.secret.access.log"].with_user(auditor)
        logs = Log.search([("res_id", "=", secret.id), ("model", "=", secret._name)])
        self.assertTrue(logs)
        self.assertNotIn("绝密审计请示", str(logs.read(list(Log.fields_get()))))
        # the office director (important) sees no entry of a top-secret record
        director_logs = (
            self.env["office.secret.access.log"]
            .with_user(self.director)
            .search([("res_id", "=", secret.id), ("model", "=", secret._name)])
        )
        self.assertFalse(director_logs)

    def test_the_auditor_and_the_security_administrator_reach_their_registers(self):
        """Neither holds an office role, yet the auditor reads the access log
        and the approval history, and the security administrator keeps the
        clearances, from the menus of the 办公 app."""
        for login, groups, xmlids in (
            (
                "menu_auditor",
                AUDITOR,
                (
                    "office_base.office_secret_access_log_menu",
                    "office_base.office_approval_history_menu",
                ),
            ),
            (
                "menu_security_admin",
                SECURITY_ADMIN,
                ("office_base.res_users_menu_office_clearance",),
            ),
        ):
            user = self._new(login, groups)
            menus = self.env["ir.ui.menu"].with_user(user).load_menus(False)
            reached = {menu.get("xmlid") for menu in menus.values()}
            for xmlid in ("office_base.menu_office_root", *xmlids):
                self.assertIn(xmlid, reached, f"{login}: {xmlid}")

    def test_only_the_system_administrator_reaches_the_apps(self):
        """Odoo's base_install_request (installed with mail) opens the Apps
        menu to every internal user; modules are the system administrator's
        alone, as every other change of the system."""
        for login, groups, reaches in (
            ("apps_staff", "office_base.group_office_user", False),
            ("apps_security_admin", SECURITY_ADMIN, False),
            ("apps_auditor", AUDITOR, False),
            ("apps_system", SYSTEM, True),
        ):
            user = self._new(login, groups)
            menus = self.env["ir.ui.menu"].with_user(user).load_menus(False)
            reached = {menu.get("xmlid") for menu in menus.values()}
            self.assertEqual("base.menu_management" in reached, reaches, login)
