from odoo.exceptions import ValidationError


class VehicleTests:
    """Mixed into a test case of common.OfficeFleetCase (one set-up for both)."""

    def test_a_fuel_card_belongs_to_one_car(self):
        with self.assertRaises(ValidationError):
            self.car2.fuel_card_no = " 1001 "
        self.assertEqual(self.car2.fuel_card_no, "1002")

    def test_an_etc_card_belongs_to_one_car(self):
        with self.assertRaises(ValidationError):
            self.env["fleet.vehicle"].create(
                {
                    "model_id": self.car_model.id,
                    "license_plate": "测A·T0009",
                    "company_id": self.company.id,
                    "etc_card_no": "E1003",
                }
            )

    def test_two_new_cars_with_the_same_card_are_refused(self):
        with self.assertRaises(ValidationError):
            self.env["fleet.vehicle"].create(
                [
                    {"model_id": self.car_model.id, "fuel_card_no": "7777"},
                    {"model_id": self.car_model.id, "fuel_card_no": "7777"},
                ]
            )

    def test_cars_without_cards_are_fine(self):
        cars = self.env["fleet.vehicle"].create(
            [
                {"model_id": self.car_model.id, "fuel_card_no": ""},
                {"model_id": self.car_model.id, "fuel_card_no": False},
            ]
        )
        self.assertFalse(any(cars.mapped("fuel_card_no")))

    def test_a_rented_car_names_its_vendor(self):
        with self.assertRaises(ValidationError):
            self.env["fleet.vehicle"].create(
                {"model_id": self.car_model.id, "is_rented": True}
            )

    def test_staff_read_cars_but_do_not_change_them(self):
        self.assertTrue(self.car1.with_user(self.staff).license_plate)
        with self.assertRaises(Exception):  # noqa: B017 - AccessError
            self.car1.with_user(self.staff).write({"parking_place": "别处"})
