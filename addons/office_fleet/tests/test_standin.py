from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import OfficeFleetCase


@tagged("post_install", "-at_install")
class TestStandinDriver(OfficeFleetCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.clerk_user = cls._user(
            "fleet_standin", "office_base.group_office_user", cls.dep_office
        )
        cls.clerk = cls.clerk_user.employee_id
        cls.clerk.write(
            {
                "company_id": cls.env.company.id,
                "office_is_driver": True,
                "office_driver_kind": "stand_in",
                "office_licence_class": "C1",
                "office_licence_expiry": "2099-12-31",
            }
        )

    def _standin(self, **vals):
        return (
            self.env["office.fleet.standin"]
            .with_user(self.dispatcher)
            .create(
                {
                    "driver_id": self.driver.id,
                    "standin_id": self.clerk.id,
                    "date_from": "2026-11-16",
                    "date_to": "2026-11-20",
                    "reason": "驾驶员休公休假",
                    "leader_id": self.deputy.id,
                    **vals,
                }
            )
        )

    def test_driver_stand_in_approved_by_leader_and_principal_002_car_4(self):
        # 002 公车管理制度 四: 驾驶员休公休假等情形时，需报分管领导并由局长批准，
        # 安排有资质的干部职工代驾
        request = self._approved_request()
        self.assertNotIn(self.clerk.id, request.get_free_drivers())
        with self.assertRaisesRegex(UserError, "002 公车管理制度 四"):
            request.with_user(self.dispatcher).dispatch(self.car1.id, self.clerk.id)
        self.assertEqual(request.state, "approved")
        standin = self._standin()
        standin.action_submit()
        self.assertEqual(standin.state, "to_approve")
        # the leader in charge first, then the principal leader
        self._approve(standin, self.deputy)
        self.assertEqual(standin.state, "to_approve")
        with self.assertRaisesRegex(UserError, "002 公车管理制度 四"):
            request.with_user(self.dispatcher).dispatch(self.car1.id, self.clerk.id)
        self._approve(standin, self.principal)
        self.assertEqual(standin.state, "approved")
        self.assertIn(self.clerk.id, request.get_free_drivers())
        request.with_user(self.dispatcher).dispatch(self.car1.id, self.clerk.id)
        self.assertEqual(request.driver_id, self.clerk)

    def test_stand_in_outside_its_period_is_refused(self):
        standin = self._standin(date_from="2026-11-17", date_to="2026-11-20")
        standin.action_submit()
        self._approve(standin, self.deputy)
        self._approve(standin, self.principal)
        request = self._approved_request()  # Monday 16th
        with self.assertRaises(UserError):
            request.with_user(self.dispatcher).dispatch(self.car1.id, self.clerk.id)
        # full-time drivers need nothing
        request.with_user(self.dispatcher).dispatch(self.car1.id, self.driver.id)

    def test_a_clerk_who_is_no_dispatcher_reads_colleagues_public_profile(self):
        """The driver's licence is the dispatcher's business: a clerk without
        access to employees' private files reads a colleague's public profile
        (a duty calendar's employee) without the licence fields in the way."""
        clerk = self._user("fleet_plain_clerk", "office_base.group_office_clerk")
        colleague = self.clerk.with_user(clerk)
        colleague.invalidate_recordset()
        self.assertEqual(colleague.name, self.clerk.name)
        self.assertFalse(
            {"office_is_driver", "office_licence_expiry"}
            & set(self.env["hr.employee"].with_user(clerk).fields_get())
        )
