from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression

from ..tools import granted, is_granted, readable_reference_domain
from .mail_activity import NO_DELEGATION_TWIN
from .office_approval_mixin import (
    TIER_DECISION,
    TIER_REQUEST,
    office_approval_model_names,
)

DECIDED = ("approved", "rejected")
# what OCA's own flows write on a review as the current user
FREE_FIELDS = {"status", "can_review", "last_reminder_date"}
# the notification's own bookkeeping on a review (deadline, who was told)
TIER_NOTIFY = "office_tier_notify"
TODO_BY_SHOWN = 3  # reviewers named before "and n more", as upstream


class TierReview(models.Model):
    """Office additions to OCA's tier reviews: substitutes (delegation) are
    reviewers too and the decision records on whose behalf they acted; a
    review is decided only through the office actions; reviewers are notified
    by activity and by e-mail with signed links; deleted reviews of office
    records are kept as approval history."""

    _inherit = "tier.review"

    office_approval = fields.Boolean(
        compute="_compute_office_model", store=True, index=True
    )
    office_kind = fields.Selection(
        selection="_selection_office_kind",
        string="Kind",
        compute="_compute_office_model",
        store=True,
    )
    res_name = fields.Char(string="Request", compute="_compute_res_name")
    office_record_readable = fields.Boolean(
        compute="_compute_office_record_readable",
        search="_search_office_record_readable",
        help="The current user may read the request this review is about.",
    )
    on_behalf_of_id = fields.Many2one(
        "res.users", string="On behalf of", readonly=True, copy=False
    )
    office_notified_user_ids = fields.Many2many(
        "res.users",
        "tier_review_office_notified_rel",
        string="Notified reviewers",
        readonly=True,
        copy=False,
    )
    office_deadline = fields.Date(string="Respond by", readonly=True, copy=False)
    office_is_late = fields.Boolean(compute="_compute_office_is_late", string="Late")
    office_attachment_count = fields.Integer(
        string="Files", compute="_compute_office_attachment_count"
    )

    @api.depends("model")
    def _compute_office_model(self):
        for review in self:
            model = self.env.get(review.model) if review.model else None
            is_office = model is not None and getattr(model, "_office_approval", False)
            review.office_approval = is_office
            review.office_kind = review.model if is_office else False

    @api.model
    def _selection_office_kind(self):
        IrModel = self.env["ir.model"].sudo()
        return [
            (name, IrModel._get(name).name or name)
            for name in office_approval_model_names(self.env)
        ]

    def _office_kind_label(self):
        self.ensure_one()
        return dict(self._selection_office_kind()).get(self.office_kind, "")

    def _compute_res_name(self):
        """The request's name as the user may read it: a reviewer without the
        clearance of a classified request reads only its kind. The requests
        of a page are read one model at a time."""
        self.res_name = False
        for reviews, records in self._office_records_by_model():
            readable = records._filtered_access("read")
            for review in reviews:
                record = records.browse(review.res_id)
                if record in readable:
                    review.res_name = record.display_name
                elif record in records:
                    review.res_name = self.env._(
                        "%(kind)s you may not read", kind=review._office_kind_label()
                    )

    def _compute_office_record_readable(self):
        # as the user even through sudo(): Odoo checks access rules that way
        self.office_record_readable = False
        for reviews, records in self.with_env(
            self.env(su=False)
        )._office_records_by_model():
            readable = set(records._filtered_access("read").ids)
            for review in reviews:
                review.office_record_readable = review.res_id in readable

    def _office_records_by_model(self):
        """(reviews, their existing requests) for each model of the page."""
        ids_by_model = {}
        for review in self:
            if review.model and review.model in self.env:
                ids_by_model.setdefault(review.model, []).append(review.id)
        for model, ids in ids_by_model.items():
            reviews = self.browse(ids)
            res_ids = list(dict.fromkeys(reviews.mapped("res_id")))
            yield reviews, self.env[model].browse(res_ids).exists()

    def _search_office_record_readable(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on readable requests."))
        domain = readable_reference_domain(
            self.env, office_approval_model_names(self.env)
        )
        domain = domain or [(1, "=", 1)]
        return domain if (operator == "=") == value else ["!", *domain]

    # ------------------------------------------------------------------
    # Visibility: a review of an office request follows the request, as
    # Odoo's activities follow their document (mail.activity). Done in code
    # rather than by a record rule: OCA's own tests rebuild tier.review
    # without this class, and a rule naming its fields would break them.
    # ------------------------------------------------------------------

    def _office_visible_domain(self):
        return [
            "|",
            "|",
            "|",
            ("office_approval", "=", False),
            ("requested_by", "=", self.env.uid),
            ("reviewer_ids", "in", [self.env.uid]),
            ("office_record_readable", "=", True),
        ]

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.su and not self._office_names_me_as_reviewer(domain):
            domain = expression.AND([domain or [], self._office_visible_domain()])
        return super()._search(domain, offset, limit, order)

    def _office_names_me_as_reviewer(self, domain):
        """Whether `domain` is a plain conjunction with "I am a reviewer" (the
        inbox's 待审批): it then finds only reviews I may see, and the readable
        branch of every approval model (one subquery over each whole table)
        is left out of the query."""
        terms = list(domain or [])
        if any(term in ("|", "!") for term in terms):
            return False
        me = self.env.uid
        return any(
            isinstance(term, (list, tuple))
            and len(term) == 3
            and term[0] == "reviewer_ids"
            and (
                (term[1] == "=" and term[2] == me)
                or (term[1] == "in" and term[2] in ([me], (me,), me))
            )
            for term in terms
        )

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if operation != "read" or self.env.su or not any(self._ids):
            return result
        allowed = self - result[0] if result else self
        visible = self.browse(allowed._search([("id", "in", allowed.ids)]))
        hidden = allowed - visible
        if not hidden:
            return result
        forbidden = hidden | (result[0] if result else self.browse())
        return forbidden, lambda: AccessError(
            self.env._(
                "You may not read these approval reviews: they are about a request "
                "you may not read."
            )
        )

    def _office_mail_title(self):
        """What the approval e-mail names: the request, or only its kind when
        it is classified (the mail leaves the system's access control)."""
        self.ensure_one()
        record = self._office_record().sudo().exists()
        if not record:
            return ""
        if record._fields.get("secrecy_level") and record.secrecy_level not in (
            False,
            "none",
        ):
            return self.env._(
                "A classified %(kind)s awaits your decision",
                kind=self._office_kind_label(),
            )
        return record.display_name

    def _compute_office_is_late(self):
        today = fields.Date.context_today(self)
        for review in self:
            review.office_is_late = bool(
                review.status == "pending"
                and review.office_deadline
                and review.office_deadline < today
            )

    def _office_record(self):
        self.ensure_one()
        return self.env[self.model].browse(self.res_id)

    # ------------------------------------------------------------------
    # Reviewers and delegation
    # ------------------------------------------------------------------

    def _get_reviewers(self):
        # a reviewer named by a field reads ir.model.fields, which users cannot
        reviewers = super(TierReview, self.sudo())._get_reviewers().with_env(self.env)
        if reviewers and self.model:
            substitutes = self.env["office.delegation"]._substitutes(
                reviewers, self.model
            )
            for users in substitutes.values():
                reviewers |= users
        return reviewers

    def _office_original_reviewers(self):
        """Reviewers as configured, before delegation."""
        self.ensure_one()
        return super(TierReview, self.sudo())._get_reviewers().with_env(self.env)

    @api.model
    def _office_refresh_reviewers(self):
        reviews = self.sudo().search(
            [("status", "in", ("waiting", "pending")), ("office_approval", "=", True)]
        )
        if not reviews:
            return
        self.env.add_to_compute(self._fields["reviewer_ids"], reviews)
        reviews.flush_recordset(["reviewer_ids"])
        for record in reviews._office_records():
            record._office_sync_reviews()

    def _office_records(self):
        records = []
        for model, res_ids in self._grouped_res_ids().items():
            records.append(self.env[model].browse(res_ids).exists())
        return records

    def _grouped_res_ids(self):
        grouped = {}
        for review in self:
            grouped.setdefault(review.model, []).append(review.res_id)
        return grouped

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not is_granted(TIER_REQUEST):
            models_ = {vals.get("model") for vals in vals_list}
            if set(office_approval_model_names(self.env)) & models_:
                raise AccessError(
                    self.env._(
                        "Reviews of office requests are created by their request."
                    )
                )
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("status") in DECIDED:
            self._office_check_decision_channel()
            if "done_by" in vals:
                return self._office_write_on_behalf(vals)
        else:
            self._office_check_free_write(vals)
        res = super().write(vals)
        if vals.get("status") in DECIDED + ("cancel",):
            self._office_close_activities()
        return res

    def _office_check_decision_channel(self):
        if is_granted(TIER_DECISION):
            return
        if any(self.mapped("office_approval")):
            raise AccessError(
                self.env._(
                    "Reviews of office requests are decided only with the Approve "
                    "and Refuse actions."
                )
            )

    def _office_check_free_write(self, vals):
        """Outside a decision, users may only move reviews along (OCA does it
        as the current user) or comment on their own review."""
        if (
            is_granted(TIER_DECISION)
            or is_granted(TIER_REQUEST)
            or is_granted(TIER_NOTIFY, self)
        ):
            return
        office = self.filtered("office_approval")
        if not office:
            return
        allowed = set(FREE_FIELDS)
        if self.env.user in office.reviewer_ids:
            allowed.add("comment")
        if set(vals) - allowed or vals.get("status") in ("approved", "rejected"):
            raise AccessError(
                self.env._("Reviews of office requests cannot be changed directly.")
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_without_right_on_request(self):
        if self.env.su:
            return
        for records in self.filtered("office_approval")._office_records():
            records.check_access("write")

    def _office_write_on_behalf(self, vals):
        actor = self.env["res.users"].browse(vals["done_by"])
        for review in self:
            review_vals = dict(vals)
            original = review._office_original_reviewers()
            if actor not in original:
                delegators = self.env["office.delegation"]._substitutes(
                    original, review.model
                )
                acted_for = [user for user, subs in delegators.items() if actor in subs]
                review_vals["on_behalf_of_id"] = acted_for[0].id if acted_for else False
            super(TierReview, review).write(review_vals)
        self._office_close_activities()
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_keep_office_history(self):
        office_reviews = self.filtered("office_approval")
        if office_reviews:
            self.env["office.approval.history"].sudo()._archive_reviews(office_reviews)

    # ------------------------------------------------------------------
    # Notifications
    # ------------------------------------------------------------------

    def _office_notify(self):
        """Activity and e-mail to the reviewers not yet told of this review."""
        activity_type = self.env.ref("office_base.mail_act_office_approval")
        template = self.env.ref("office_base.mail_template_office_approval_request")
        calendar = self.env["office.calendar"]
        today = fields.Date.context_today(self)
        for review in self:
            new_users = review.reviewer_ids - review.office_notified_user_ids
            record = review._office_record()
            if not new_users or not record.exists():
                continue
            deadline = review.office_deadline or calendar.add_working_days(
                today, review.definition_id.office_response_days or 1
            )
            for user in new_users:
                # the activity is the reviewer's: its summary in his language,
                # whatever language the call that submitted the request had
                theirs = review.with_context(lang=user.lang or self.env.lang)
                with granted(NO_DELEGATION_TWIN):
                    record.activity_schedule(
                        act_type_xmlid="office_base.mail_act_office_approval",
                        date_deadline=deadline,
                        summary=theirs.env._(
                            "Approve: %s",
                            theirs.name or activity_type.with_env(theirs.env).name,
                        ),
                        user_id=user.id,
                        office_review_id=review.id,
                    )
            template.sudo().send_mail(
                review.id, email_values=review._office_mail_values(new_users)
            )
            with granted(TIER_NOTIFY, review):
                review.sudo().write(
                    {
                        "office_deadline": deadline,
                        "office_notified_user_ids": [
                            fields.Command.link(user.id) for user in new_users
                        ],
                    }
                )

    def _office_mail_values(self, users):
        """The approval e-mail carries the decision links: a private
        notification of its reviewers (``user_notification``, OdooBot as
        author), not a message of the review that its readers would see."""
        partners = users.partner_id.ids
        return {
            "recipient_ids": [fields.Command.set(partners)],
            "partner_ids": [fields.Command.set(partners)],
            "message_type": "user_notification",
            "author_id": self.env.ref("base.partner_root").id,
        }

    def _office_close_activities(self):
        activities = (
            self.env["mail.activity"]
            .sudo()
            .search([("office_review_id", "in", self.ids)])
        )
        mine = activities.filtered(lambda a: a.user_id == self.env.user)
        if mine:
            mine.action_feedback(feedback=self.env._("Decided"))
        (activities - mine).exists().unlink()

    def _office_action_url(self, action):
        self.ensure_one()
        link = self.env["mail.thread"]._notify_get_action_link(
            "controller",
            controller=f"/office/approval/{action}",
            model=self._name,
            res_id=self.id,
        )
        return self.get_base_url() + link

    def _office_link_readable(self):
        """Only a reviewer of the review may open its e-mail links."""
        self.ensure_one()
        return self.env.user in self.sudo().reviewer_ids

    def office_record_url(self):
        self.ensure_one()
        return f"{self.get_base_url()}/odoo/{self.model}/{self.res_id}"

    # ------------------------------------------------------------------
    # Actions (approvals inbox)
    # ------------------------------------------------------------------

    def _office_check_can_decide(self):
        for review in self:
            if not review.office_approval:
                raise UserError(
                    self.env._("This review does not belong to an office request.")
                )
            if review.status != "pending" or not review.can_review:
                raise UserError(
                    self.env._(
                        "The review “%s” is not waiting for a decision.", review.name
                    )
                )
            if self.env.user not in review.reviewer_ids:
                raise AccessError(
                    self.env._(
                        "You are not a reviewer of “%s”.",
                        review.res_name or review.name,
                    )
                )

    def action_office_approve(self):
        """Approve these reviews; usable over XML-RPC (returns ``True``)."""
        self._office_check_can_decide()
        for review in self:
            record = review._office_record()
            record._office_decide("approve", review)
        return True

    def action_office_approve_confirmed(self):
        """The inbox's buttons: approve, then say what was approved."""
        self._office_check_can_decide()
        names = ", ".join(n for n in self.mapped("res_name") if n)
        self.action_office_approve()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("Approved: %(requests)s", requests=names),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def action_office_refuse(self):
        self._office_check_can_decide()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Refuse"),
            "res_model": "office.review.refuse.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_review_ids": self.ids},
        }

    def office_refuse(self, reason):
        """Refuse with a reason; usable over XML-RPC."""
        if not (reason or "").strip():
            raise UserError(self.env._("Please give the reason of the refusal."))
        self._office_check_can_decide()
        for review in self:
            review.sudo().comment = reason
            review._office_record()._office_decide("reject", review, reason)
        return True

    def action_office_open_record(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.model,
            "res_id": self.res_id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    # ------------------------------------------------------------------
    # The inbox card, and OCA's labels said from office_base so that they
    # are translated (see models/tier_validation.py)
    # ------------------------------------------------------------------

    def _compute_office_attachment_count(self):
        """The files of the request, which the reviewer reads before deciding
        (one search of the attachments per model of the page)."""
        self.office_attachment_count = 0
        Attachment = self.env["ir.attachment"]
        for reviews, records in self._office_records_by_model():
            readable = records._filtered_access("read")
            if not readable:
                continue
            files = {record_id: set() for record_id in readable.ids}
            for attachment in Attachment.search_fetch(
                [("res_model", "=", readable._name), ("res_id", "in", readable.ids)],
                ["res_id"],
            ):
                files[attachment.res_id].add(attachment.id)
            if "attachment_ids" in readable._fields:
                for record in readable:
                    files[record.id].update(record.attachment_ids.ids)
            for review in reviews:
                review.office_attachment_count = len(files.get(review.res_id, ()))

    @api.depends("reviewer_ids")
    def _compute_todo_by(self):
        for review in self:
            if review.reviewer_group_id:
                review.todo_by = self.env._("Group %s", review.reviewer_group_id.name)
                continue
            names = ", ".join(
                review.reviewer_ids[:TODO_BY_SHOWN].mapped("display_name")
            )
            more = len(review.reviewer_ids) - TODO_BY_SHOWN
            review.todo_by = (
                self.env._("%(names)s (and %(count)s more)", names=names, count=more)
                if more > 0
                else names
            )

    def _notify_review_reminder_body(self):
        days = (fields.Datetime.now() - self.create_date).days
        return self.env._("A review has been requested %s days ago.", days)
