import datetime

from odoo.tests import new_test_user

from odoo.addons.office_base.tests.common import OfficeTestCase


class OfficeFleetCase(OfficeTestCase):
    """Users with the fewest groups that suffice, three official cars, a
    rented car, two drivers and helpers to walk a request to its trip. No
    demo data is used."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        Department = cls.env["hr.department"]
        cls.dep_office = Department.create({"name": "办公室（测试）"})
        cls.dep_budget = Department.create({"name": "预算科（测试）"})
        cls.staff = cls._user(
            "fleet_staff", "office_base.group_office_user", cls.dep_budget
        )
        cls.staff2 = cls._user(
            "fleet_staff2", "office_base.group_office_user", cls.dep_budget
        )
        cls.dispatcher = cls._user(
            "fleet_dispatcher", "office_fleet.group_fleet_dispatcher", cls.dep_office
        )
        cls.director = cls._user(
            "fleet_director", "office_base.group_office_director", cls.dep_office
        )
        cls.finance = cls._user("fleet_finance", "office_fleet.group_fleet_finance")
        cls.deputy = cls._user("fleet_deputy", "office_base.group_office_leader")
        cls.finance_leader = cls._user(
            "fleet_finance_leader", "office_base.group_office_leader"
        )
        cls.principal = cls._user(
            "fleet_principal", "office_base.group_office_principal"
        )
        cls.driver_user = cls._user(
            "fleet_driver", "office_base.group_office_user", cls.dep_office
        )
        cls.driver_user2 = cls._user(
            "fleet_driver2", "office_base.group_office_user", cls.dep_office
        )
        cls.driver = cls.driver_user.employee_id
        cls.driver2 = cls.driver_user2.employee_id
        (cls.driver | cls.driver2).write(
            {
                "company_id": cls.env.company.id,
                "office_is_driver": True,
                "office_licence_class": "B1",
                "office_licence_expiry": "2099-12-31",
            }
        )
        Partner = cls.env["res.partner"]
        cls.garage = Partner.create({"name": "定点维修厂（测试）", "is_company": True})
        cls.other_garage = Partner.create(
            {"name": "路边修理店（测试）", "is_company": True}
        )
        cls.station = Partner.create({"name": "定点加油站（测试）", "is_company": True})
        cls.rental_vendor = Partner.create(
            {"name": "租车公司（测试）", "is_company": True}
        )
        brand = cls.env["fleet.vehicle.model.brand"].create({"name": "测试牌"})
        cls.car_model = cls.env["fleet.vehicle.model"].create(
            {"name": "测试型", "brand_id": brand.id}
        )
        cls.company = cls.env.company
        cls.car1 = cls._car("测A·T0001", "1001", "E1001", 10000)
        cls.car2 = cls._car("测A·T0002", "1002", "E1002", 20000)
        cls.car3 = cls._car("测A·T0003", "1003", "E1003", 30000)
        cls.rented = cls.env["fleet.vehicle"].create(
            {
                "model_id": cls.car_model.id,
                "license_plate": "测A·Z0001",
                "company_id": cls.company.id,
                "is_rented": True,
                "rental_vendor_id": cls.rental_vendor.id,
                "rental_price_km": 2.0,
                "rental_safety_note": "保险齐全",
            }
        )

    @classmethod
    def _user(cls, login, groups, department=None):
        user = new_test_user(
            cls.env,
            login=login,
            groups=groups,
            name=login.replace("_", " ").title(),
            email=f"{login}@example.com",
        )
        cls.env["hr.employee"].create(
            {
                "name": user.name,
                "user_id": user.id,
                "department_id": department.id if department else False,
            }
        )
        return user

    @classmethod
    def _car(cls, plate, fuel_card, etc_card, odometer):
        car = cls.env["fleet.vehicle"].create(
            {
                "model_id": cls.car_model.id,
                "license_plate": plate,
                "company_id": cls.company.id,
                "office_category": "general",
                "garage_partner_id": cls.garage.id,
                "fuel_station_partner_id": cls.station.id,
                "fuel_card_no": fuel_card,
                "etc_card_no": etc_card,
                "parking_place": f"{plate}车位",
            }
        )
        cls.env["fleet.vehicle.odometer"].create(
            {"vehicle_id": car.id, "value": odometer, "date": "2026-01-05"}
        )
        return car

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    # 2026-11-16 is a Monday (a working day); times are UTC (Shanghai - 8 h)
    MONDAY = datetime.datetime(2026, 11, 16, 1, 0)

    def _request(self, user=None, submit=True, start=None, hours=4, **vals):
        user = user or self.staff
        start = start or self.MONDAY
        values = {
            "purpose": "field_visit",
            "reason": "下乡调研",
            "destination": "赫山区",
            "date_start": start,
            "date_end": start + datetime.timedelta(hours=hours),
            "company_id": self.company.id,
            **vals,
        }
        request = self.env["office.fleet.request"].with_user(user).create(values)
        if submit:
            request.action_submit()
        return request

    def _pending_review(self, record):
        return record.sudo().review_ids.filtered(lambda r: r.status == "pending")

    def _approve(self, record, user):
        review = self._pending_review(record)
        self.assertEqual(len(review), 1, "one step waits for a decision")
        review.with_user(user).action_office_approve()
        return record

    def _approved_request(self, user=None, **vals):
        request = self._request(user=user, **vals)
        self._approve(request, self.director)
        if request.state == "to_approve" and vals.get("leader_id"):
            self._approve(request, self.env["res.users"].browse(vals["leader_id"]))
        if request.state == "to_approve":
            self._approve(request, self.principal)
        self.assertEqual(request.state, "approved")
        return request

    def _dispatched_trip(self, car=None, driver=None, **vals):
        request = self._approved_request(**vals)
        trip_id = request.with_user(self.dispatcher).dispatch(
            (car or self.car1).id, (driver or self.driver).id
        )
        return request, self.env["office.fleet.trip"].browse(trip_id)
