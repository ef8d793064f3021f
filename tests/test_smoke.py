"""The project starts and answers on a partnership's hostname."""


def test_partnership_home_answers_on_its_hostname(client, medway_site):
    response = client.get("/", headers={"host": "medway-swale.localhost"})
    assert response.status_code == 200
