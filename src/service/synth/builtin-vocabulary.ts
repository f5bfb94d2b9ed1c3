/** A small built-in vocabulary of cable prose, most frequent first: the word model's fallback when the corpus is absent. */

/** Words in rough order of frequency in diplomatic reporting (rank 1 = most frequent). */
export const BUILTIN_VOCABULARY: readonly string[] =
  `the of and to in a that for on is with as by government
said would be minister was not has are ambassador have it from this embassy its at will
or an which president also their they he but political support security officials
foreign economic had other his more new international public national country
been who party meeting military election further ministry we our post told were
cooperation one two all us there may should reform about than could noted
government's after prime council human rights issue issues state united nations
police efforts comment end summary continue under program years over including
development plan trade energy assistance law process relations minister's force
forces policy between region regional agreement financial future response week month
talks discussed emphasized stressed agreed expressed concern concerns strong
important high level senior opposition parliament leader leaders budget investment
oil gas nuclear export control controls proliferation weapons missile sanctions
border terrorism counterterrorism intelligence narcotics trafficking crime corruption
judicial court justice media press freedom civil society religious minority
ethnic conflict peace negotiations coalition allies alliance defense army navy
bilateral multilateral visit delegation deputy secretary director general office
director's staff contact contacts source sources according reported reports
reporting believe believes view views position positions approach approached demarche
request requested action washington department guidance instructions nonpaper points
private sector banks bank market markets growth inflation unemployment tax tariff
customs agriculture health education water environment climate refugees migration
humanitarian aid donor donors funding project projects training equipment technical
capacity institutions institutional constitutional amendment vote voters campaign
candidate candidates ruling majority cabinet coalition's decision decisions
announced announcement statement statements record concern raised raising
clear likely unlikely possible difficult significant serious recent current
previous early late key main major minor broad wide limited local provincial
federal central northern southern eastern western capital city province district
rural urban community communities population youth women children labor workers
union unions strike protest protests demonstration demonstrations violence attack
attacks killed arrested detained released prison prisoners investigation charges`
    .split(/\s+/)
    .filter((w) => w !== '');
