"""office_base in a real browser, as the demo users see it."""

from browser import (
    DESKTOP,
    PHONE,
    browser,
    horizontal_overflow,
    login,
    open_action,
    screenshot,
    wait,
)
from selenium.webdriver.common.by import By


def test_director_works_in_chinese(odoo):
    with browser(DESKTOP) as driver:
        login(driver, odoo, "bgszr", "bgszr")
        open_action(driver, odoo, "office_base.office_delegation_action")
        menu = driver.find_element(By.CSS_SELECTOR, ".o_main_navbar").text
        title = driver.find_element(By.CSS_SELECTOR, ".o_control_panel").text
        assert "待我审批" in menu and "工作代理" in title
        screenshot(driver, "office_base-director-delegations-desktop")


def test_leader_inbox_fits_a_phone(odoo):
    with browser(PHONE) as driver:
        login(driver, odoo, "juzhang", "juzhang")
        open_action(driver, odoo, "office_base.tier_review_action_office_inbox")
        assert driver.find_elements(
            By.CSS_SELECTOR, ".o_kanban_view, .o_view_nocontent"
        )
        assert horizontal_overflow(driver) <= 0
        screenshot(driver, "office_base-leader-inbox-phone")


def test_principal_approves_from_the_phone(odoo):
    """The principal leader decides a pending request from the inbox cards."""
    with browser(PHONE) as driver:
        login(driver, odoo, "juzhang", "juzhang")
        open_action(driver, odoo, "office_base.tier_review_action_office_inbox")
        cards = driver.find_elements(
            By.CSS_SELECTOR, ".o_kanban_record:not(.o_kanban_ghost)"
        )
        assert cards, "the demo data leaves requests waiting for the principal leader"
        screenshot(driver, "office_base-principal-inbox-phone")
        approve = cards[0].find_element(
            By.CSS_SELECTOR, "button[name='action_office_approve_confirmed']"
        )
        assert (
            approve.is_displayed()
            and approve.rect["x"] + approve.rect["width"] <= PHONE[0]
        )
        title = cards[0].text.splitlines()
        approve.click()
        wait(driver).until(
            lambda d: (
                len(
                    d.find_elements(
                        By.CSS_SELECTOR, ".o_kanban_record:not(.o_kanban_ghost)"
                    )
                )
                < len(cards)
            )
        )
        assert horizontal_overflow(driver) <= 0
        screenshot(driver, "office_base-principal-approved-phone")
        assert title
