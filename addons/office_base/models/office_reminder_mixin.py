from odoo import api, models


class OfficeReminderMixin(models.AbstractModel):
    """The one reminder helper of the suite's crons: set-based and idempotent
    (a user with an open activity of the type on a record gets no second one)."""

    _name = "office.reminder.mixin"
    _inherit = ["mail.activity.mixin"]
    _description = "Office Reminders"

    @api.model
    def _office_remind(
        self,
        domain,
        activity_xmlid,
        users,
        deadline_field=None,
        summary=None,
        limit=None,
    ):
        """Give every record matching `domain` an activity of `activity_xmlid`
        for its `users`: a field name (many2one or many2many to res.users, or
        to hr.employee, whose users are taken) or a callable record → users.
        The deadline is the record's `deadline_field` (a date or datetime), or
        today; `summary` is a text or a callable record → text. At most
        `limit` records per run; the cron reports progress.
        Returns the records reminded."""
        total = self.search_count(domain) if limit else 0
        records = self.search(domain, limit=limit)
        for record in records:
            record._office_schedule_missing(
                activity_xmlid,
                record._office_users(users),
                deadline=deadline_field and record[deadline_field],
                summary=summary(record) if callable(summary) else summary,
            )
        if limit:
            # counted before: a domain may leave out what was just reminded
            remaining = max(total - len(records), 0)
            self.env["ir.cron"]._notify_progress(done=len(records), remaining=remaining)
        return records

    def _office_users(self, users):
        self.ensure_one()
        if callable(users):
            return users(self)
        value = self[users]
        if value._name == "hr.employee":
            return value.user_id
        return value

    def _office_schedule_missing(
        self, activity_xmlid, users, deadline=None, summary=None
    ):
        """Schedule `activity_xmlid` on this record for each of `users` who has
        no open activity of that type on it yet."""
        self.ensure_one()
        activity_type = self.env.ref(activity_xmlid)
        users = users.filtered(lambda u: u.active and not u.share)
        told = (
            self.sudo()
            .activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
            .user_id
        )
        if hasattr(deadline, "date"):
            deadline = deadline.date()
        for user in users - told:
            self.sudo().activity_schedule(
                activity_xmlid,
                date_deadline=deadline or self.env["office.calendar"].today(),
                summary=summary,
                user_id=user.id,
            )
