from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools.translate import code_translations


class OfficeDemo(models.AbstractModel):
    """Helpers of the suite's demo data only: they drive the demo records
    through their real transitions, as the people of the story. Each addon's
    demo model inherits them; no production model carries them."""

    _name = "office.demo"
    _description = "Office Demo Data"

    @api.model
    def _demo_as(self, model, ids, user_id, method, *args):
        """Call `method` on the `model` records `ids` as the given user."""
        records = self.env[model].browse(ids).with_user(user_id)
        return getattr(records, method)(*args)

    @api.model
    def _demo_decide(self, model, ids, approve=True, reason=None, steps=None):
        """Decide the pending reviews of the records as their first reviewer,
        `steps` of them at most; a refusal ends the round."""
        for record in self.env[model].browse(ids):
            for _step in range(steps or len(record.review_ids)):
                review = record.review_ids.filtered(
                    lambda r: r.status == "pending" and r.can_review
                )[:1]
                if not review:
                    break
                review = review.with_user(review.reviewer_ids[:1])
                if approve:
                    review.action_office_approve()
                else:
                    review.office_refuse(reason)
                    break
        return True

    @api.model
    def _demo_on_working_days(self, model, ids, start="date_start", end="date_end"):
        """Move the records' period forward, day by day, until it starts on a
        working day of the office calendar: demo data dated from the install
        day must not land on a public holiday whatever that day is."""
        calendar = self.env["office.calendar"]
        tz = calendar._calendar().tz or "Asia/Shanghai"
        for record in self.env[model].browse(ids):
            shift = 0
            local = fields.Datetime.context_timestamp(
                record.with_context(tz=tz), record[start]
            ).date()
            while not calendar.is_working_day(local + relativedelta(days=shift)):
                shift += 1
            if shift:
                record.write(
                    {
                        start: record[start] + relativedelta(days=shift),
                        end: record[end] + relativedelta(days=shift),
                    }
                )
        return True

    @api.model
    def _demo_archive_foreign(self, module, model_names, keep=()):
        """Archive the sample records another app ships with its own demo
        data (Odoo's demo cars, people, departments): the demo agency shows
        only its own. `keep`: xml ids (module.name) left as they are."""
        data = self.env["ir.model.data"].search(
            [("module", "=", module), ("model", "in", list(model_names))]
        )
        data = data.filtered(lambda d: f"{d.module}.{d.name}" not in keep)
        for model_name in model_names:
            ids = data.filtered(lambda d, m=model_name: d.model == m).mapped("res_id")
            records = self.env[model_name].browse(ids).exists().filtered("active")
            partners = records.work_contact_id if model_name == "hr.employee" else None
            records.write({"active": False})
            if partners:
                partners.filtered(lambda p: not p.user_ids).write({"active": False})
        return True

    @api.model
    def _demo_creation_notes_in_chinese(self):
        """Odoo creates an app's demo records before it loads the app's
        translations: their chatter reads "Employee 创建" (the model's name
        still English). The demo agency speaks Chinese: each such note names
        its model in Chinese."""
        created = code_translations.get_python_translations("mail", "zh_CN").get(
            "%s created"
        )
        if not created:
            return True
        names = {
            model.model: (model.with_context(lang="en_US").name, model.name)
            for model in self.env["ir.model"].with_context(lang="zh_CN").search([])
        }
        for model, (english, chinese) in names.items():
            if not english or english == chinese:
                continue
            old, new = f"<p>{created % english}</p>", f"<p>{created % chinese}</p>"
            self.env.cr.execute(
                "UPDATE mail_message SET body = replace(body, %s, %s) "
                "WHERE model = %s AND message_type = 'notification' "
                "AND body LIKE %s",
                [old, new, model, f"%{old}%"],
            )
        return True
