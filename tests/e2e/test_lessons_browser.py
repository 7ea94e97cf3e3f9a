from playwright.sync_api import expect


def test_visitor_reads_the_given_lesson_and_sees_its_key_points(page, given_lesson):
    page.goto("/lessons/")
    page.get_by_role("link", name="Moscow Trials Open During Great Purge").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Moscow Trials Open During Great Purge"
    )
    key_points = page.locator(".key-points li")
    expect(key_points).to_have_count(4)
    expect(key_points.first).to_have_text("Stalin aimed to eliminate political rivals.")


def test_sentence_anchor_highlights_the_linked_sentence(page, given_lesson):
    sentence = given_lesson.sentences.get(position=5)

    page.goto(sentence.get_absolute_url())

    target = page.locator(f"#{sentence.anchor}")
    expect(target).to_have_text(sentence.text)
    expect(target).to_be_in_viewport()
