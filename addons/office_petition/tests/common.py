from odoo.tests import new_test_user

from odoo.addons.office_base.tests.common import OfficeTestCase


class OfficePetitionCase(OfficeTestCase):
    """Users with the fewest groups that suffice; no demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.company.write(
            {
                "office_petition_acceptance_days": 15,
                "office_petition_answer_days": 60,
                "office_petition_extension_days": 30,
                "office_petition_review_days": 30,
                "office_petition_group_size": 5,
            }
        )
        cls.officer = cls._user("pet_officer", "office_petition.group_petition_officer")
        cls.handler = cls._user("pet_handler", "office_base.group_office_user")
        cls.staff = cls._user("pet_staff", "office_base.group_office_user")
        cls.regulations = cls._user(
            "pet_regulations", "office_petition.group_petition_regulations"
        )
        cls.principal = cls._user("pet_principal", "office_base.group_office_principal")
        cls.deputy = cls._user("pet_deputy", "office_base.group_office_leader")

    @classmethod
    def _user(cls, login, groups):
        return new_test_user(
            cls.env,
            login=login,
            groups=groups,
            name=login.title(),
            email=f"{login}@example.com",
        )

    def _petition(self, received="2026-09-30", **values):
        return (
            self.env["office.petition"]
            .with_user(self.officer)
            .create(
                {
                    "petitioner_name": "周某",
                    "petitioner_id_number": "430902196505051234",
                    "content": "反映补贴未足额发放。",
                    "date_received": received,
                    "handler_id": self.handler.id,
                    **values,
                }
            )
        )

    def _accepted(self, at="2026-10-10", **values):
        petition = self._petition(**values)
        petition._workflow_run("accept", at=at)
        return petition
