import datetime

from odoo_test_helper import FakeModelLoader

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.office_base.tools import granted

from .common import OfficeDisclosureCase

TITLE = "关于2027年度财政专项资金调整方案的请示"


@tagged("post_install", "-at_install")
class TestDisclosureRelease(OfficeDisclosureCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.loader = FakeModelLoader(cls.env, cls.__module__)
        cls.loader.backup_registry()
        from .models import OfficeDisclosureTestDocument

        cls.loader.update_registry((OfficeDisclosureTestDocument,))
        cls.document = cls.env["office.disclosure.test.document"].create(
            {"name": TITLE}
        )

    @classmethod
    def tearDownClass(cls):
        cls.loader.restore_registry()
        super().tearDownClass()

    def _release(self, **values):
        return (
            self.env["office.disclosure.release"]
            .with_user(self.staff)
            .create(
                {
                    "title": "我局召开2026年财政工作推进会",
                    "body": "11月17日，我局召开财政工作推进会，部署年底各项工作。",
                    "kind": "news",
                    "deputy_id": self.deputy.id,
                    "department_id": self.dep_budget.id,
                    **values,
                }
            )
        )

    def _classify(self, level="confidential"):
        # as an approved classification decision of office_secrecy does, when
        # it is installed (its purpose: office_classification_decision)
        with granted("office_classification_decision", self.document):
            self.document.sudo().secrecy_level = level

    def test_a_news_item_quoting_a_confidential_documents_title_is_refused_at_release(
        self,
    ):
        release = self._release(body=f"会议传达了《{TITLE}》的主要内容。")
        self._reviewed(release)
        release.with_user(self.staff).action_submit()
        self._approve(release, self.deputy)
        self.assertEqual(release.state, "approved")
        # the document is classified after the review
        self._classify()
        with self.assertRaisesRegex(UserError, "Secrecy review.*机密"):
            release.with_user(self.officer).action_publish()
        self.assertEqual(release.state, "approved")

    def test_the_secrecy_review_refuses_a_text_quoting_a_classified_record(self):
        self._classify("secret")
        release = self._release(title=TITLE)
        with self.assertRaisesRegex(UserError, "秘密"):
            release.with_user(self.head).action_review_department()
        self.assertFalse(release.department_review_by_id)

    def test_a_text_based_on_a_classified_record_is_refused(self):
        self._classify()
        release = self._release(
            source_ref=f"office.disclosure.test.document,{self.document.id}"
        )
        with self.assertRaisesRegex(UserError, "Secrecy review"):
            release.with_user(self.officer).action_review_office()

    def test_nothing_is_submitted_without_the_secrecy_review(self):
        release = self._release()
        with self.assertRaisesRegex(UserError, "Secrecy review"):
            release.with_user(self.staff).action_submit()
        release.with_user(self.head).action_review_department()
        with self.assertRaisesRegex(UserError, "Secrecy review"):
            release.with_user(self.staff).action_submit()
        release.with_user(self.officer).action_review_office()
        release.with_user(self.staff).action_submit()
        self.assertEqual(release.state, "to_approve")

    def test_a_changed_text_is_reviewed_again(self):
        release = self._release()
        self._reviewed(release)
        self.assertTrue(release.secrecy_reviewed)
        release.with_user(self.staff).body = "改写后的稿件。"
        self.assertFalse(release.secrecy_reviewed)

    def test_nobody_records_a_review_by_writing_it(self):
        release = self._release()
        with self.assertRaises(UserError):
            release.with_user(self.staff).write(
                {"department_review_by_id": self.head.id}
            )

    def test_only_the_drafting_departments_head_gives_its_review(self):
        release = self._release()
        other_head = self._user(
            "dis_head_office", "office_base.group_office_dept_head", self.dep_office
        )
        with self.assertRaises(AccessError):
            release.with_user(other_head).action_review_department()
        with self.assertRaises(AccessError):
            release.with_user(self.head).action_review_office()

    def test_the_deputy_in_charge_approves_and_an_officer_releases(self):
        release = self._release()
        self._reviewed(release)
        release.with_user(self.staff).action_submit()
        self.assertEqual(release.review_ids.reviewer_ids, self.deputy)
        self._approve(release, self.deputy)
        with self.assertRaises(AccessError):
            release.with_user(self.staff).action_publish()
        release.with_user(self.officer).action_publish()
        self.assertEqual(release.state, "published")
        self.assertEqual(release.date_published, datetime.date(2026, 11, 18))

    def test_without_a_deputy_the_general_section_approves(self):
        release = self._release(deputy_id=False)
        self._reviewed(release)
        release.with_user(self.staff).action_submit()
        self.assertIn(self.director, release.review_ids.reviewer_ids)

    def test_a_proactive_disclosure_is_due_20_working_days_after_it_was_made(self):
        release = self._release(kind="proactive", date_made="2026-09-25")
        self.assertEqual(release.date_due, datetime.date(2026, 10, 29))
        self._reviewed(release)
        release.with_user(self.staff).action_submit()
        self._approve(release, self.deputy)
        release.with_user(self.officer).action_publish()
        self.assertTrue(release.is_late)

    def test_a_proactive_disclosure_gives_the_day_it_was_made(self):
        release = self._release(kind="proactive")
        self._reviewed(release)
        with self.assertRaises(UserError):
            release.with_user(self.staff).action_submit()
