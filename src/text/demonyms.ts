/**
 * Adjective and people forms of place names mapped to the place ("Korean" → "korea"), so that a
 * query for a country finds its adjective and headlines about one place group together. General
 * geographic knowledge, folded to lower case; multi-word places map their distinctive word.
 */
const PAIRS: Record<string, string> = {
  afghan: 'afghanistan', afghans: 'afghanistan', african: 'africa', africans: 'africa',
  albanian: 'albania', algerian: 'algeria', american: 'america', americans: 'america',
  argentine: 'argentina', argentinian: 'argentina', armenian: 'armenia', asian: 'asia',
  australian: 'australia', australians: 'australia', austrian: 'austria', azerbaijani: 'azerbaijan',
  bangladeshi: 'bangladesh', belarusian: 'belarus', belgian: 'belgium', bolivian: 'bolivia',
  bosnian: 'bosnia', brazilian: 'brazil', brazilians: 'brazil', british: 'britain', brits: 'britain',
  bulgarian: 'bulgaria', burmese: 'myanmar', cambodian: 'cambodia', canadian: 'canada', canadians: 'canada',
  chilean: 'chile', chinese: 'china', colombian: 'colombia', congolese: 'congo', croatian: 'croatia',
  cuban: 'cuba', cubans: 'cuba', cypriot: 'cyprus', czech: 'czechia', danish: 'denmark', danes: 'denmark',
  dutch: 'netherlands', ecuadorian: 'ecuador', egyptian: 'egypt', egyptians: 'egypt', emirati: 'emirates',
  english: 'england', eritrean: 'eritrea', estonian: 'estonia', ethiopian: 'ethiopia', european: 'europe',
  europeans: 'europe', filipino: 'philippines', filipinos: 'philippines', philippine: 'philippines',
  finnish: 'finland', french: 'france', georgian: 'georgia', german: 'germany', germans: 'germany',
  ghanaian: 'ghana', greek: 'greece', greeks: 'greece', greenlandic: 'greenland', greenlanders: 'greenland',
  guatemalan: 'guatemala', haitian: 'haiti', haitians: 'haiti', honduran: 'honduras', hungarian: 'hungary',
  icelandic: 'iceland', indian: 'india', indians: 'india', indonesian: 'indonesia', iranian: 'iran',
  iranians: 'iran', iraqi: 'iraq', iraqis: 'iraq', irish: 'ireland', israeli: 'israel', israelis: 'israel',
  italian: 'italy', italians: 'italy', jamaican: 'jamaica', japanese: 'japan', jordanian: 'jordan',
  kazakh: 'kazakhstan', kenyan: 'kenya', korean: 'korea', koreans: 'korea', kuwaiti: 'kuwait',
  latvian: 'latvia', lebanese: 'lebanon', libyan: 'libya', lithuanian: 'lithuania', malaysian: 'malaysia',
  malian: 'mali', maltese: 'malta', mexican: 'mexico', mexicans: 'mexico', moldovan: 'moldova',
  mongolian: 'mongolia', moroccan: 'morocco', mozambican: 'mozambique', nepali: 'nepal', nepalese: 'nepal',
  nicaraguan: 'nicaragua', nigerian: 'nigeria', nigerien: 'niger', norwegian: 'norway', pakistani: 'pakistan',
  pakistanis: 'pakistan', palestinian: 'palestine', palestinians: 'palestine', panamanian: 'panama',
  paraguayan: 'paraguay', peruvian: 'peru', polish: 'poland', poles: 'poland', portuguese: 'portugal',
  qatari: 'qatar', romanian: 'romania', russian: 'russia', russians: 'russia', rwandan: 'rwanda',
  saudi: 'saudi', saudis: 'saudi', scottish: 'scotland', scots: 'scotland', senegalese: 'senegal',
  serbian: 'serbia', serb: 'serbia', serbs: 'serbia', singaporean: 'singapore', slovak: 'slovakia',
  slovenian: 'slovenia', somali: 'somalia', spanish: 'spain', sudanese: 'sudan', swedish: 'sweden',
  swede: 'sweden', swedes: 'sweden', swiss: 'switzerland', syrian: 'syria', syrians: 'syria',
  taiwanese: 'taiwan', tajik: 'tajikistan', tanzanian: 'tanzania', thai: 'thailand', tibetan: 'tibet',
  tunisian: 'tunisia', turkish: 'turkey', turkmen: 'turkmenistan', ugandan: 'uganda', ukrainian: 'ukraine',
  ukrainians: 'ukraine', uruguayan: 'uruguay', uzbek: 'uzbekistan', venezuelan: 'venezuela',
  venezuelans: 'venezuela', vietnamese: 'vietnam', welsh: 'wales', yemeni: 'yemen', zambian: 'zambia',
  zimbabwean: 'zimbabwe',
};

export const DEMONYMS: ReadonlyMap<string, string> = new Map(Object.entries(PAIRS));
