"""Body caps hold for multipart posts with file parts too, not only for plain fields."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from forms.models import ModeratedSubmission
from tests.forms_support import board_answers, board_page, token_from

pytestmark = pytest.mark.django_db


def test_a_multipart_post_with_a_large_file_part_is_refused_before_it_is_read(client):
    page = board_page()
    token = token_from(client, page)
    big_file = SimpleUploadedFile("cv.pdf", b"%PDF-" + b"x" * (10 * 1024 * 1024))
    data = {**board_answers(), "submission_token": token, "attachment": big_file}
    response = client.post(page.url, data)
    assert response.status_code == 413
    html = response.content.decode()
    assert 'id="quick-exit"' in html
    assert "Nothing was stored" in html
    assert ModeratedSubmission.objects.count() == 0


def test_the_413_page_is_in_the_visitors_language(client):
    page = board_page()
    response = client.post("/sq" + page.url[3:], {"x": "y" * (3 * 1024 * 1024)}, format="multipart")
    assert response.status_code == 413
    assert '<html lang="sq"' in response.content.decode()


def test_a_body_without_a_length_is_cut_at_the_cap(rf):
    import io

    from security.body_limit import CappedStream, RequestDataTooBig

    stream = CappedStream(io.BytesIO(b"x" * 5000), 1000)
    with pytest.raises(RequestDataTooBig):
        stream.read()
    assert CappedStream(io.BytesIO(b"x" * 500), 1000).read() == b"x" * 500


def test_normal_posts_still_work(client):
    page = board_page()
    response = client.post(
        page.url, {**board_answers(), "submission_token": token_from(client, page)}
    )
    assert response.status_code == 200
    assert ModeratedSubmission.objects.count() == 1
