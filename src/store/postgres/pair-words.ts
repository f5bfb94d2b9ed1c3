/** The words whose adjacent pairs are indexed as pair lexemes on PostgreSQL (migration 0008). */

/**
 * The 400 words (letters only) in the most portions of the real corpus (6,412 cables, measured
 * with ts_stat on 29 Nov 2026; the 400th is in 3.0% of portions). A phrase is only slow to check
 * when both its words are this common: the portions holding both are then many more than those
 * holding the phrase, and each is read to check the order. Rarer pairs are not indexed because the
 * RUM build cost grows with the number of distinct lexemes: on a quarter of the real corpus the
 * build took 2.9 s without pairs, 3.7 s with the pairs of these 400 words (40k distinct), 7.8 s
 * with those of 1,000 words (114k) and 29 s with every pair (651k). Changing this list changes
 * which pairs exist: it needs a migration that rewrites every portion's pairs and the `pair_word`
 * table (0008).
 */
export const PAIR_WORDS: ReadonlySet<string> = new Set(
  `the to and of in a that for on s with is as be by not he was from has an it this have at would
are but will said his its also had government which or their been more president other end were
they about new political minister we there one security who support could if no all over foreign
two some while may told ambassador public out international any meeting such than however up us
national during these only noted officials between including both issues most time into state
against well should after when first visit our general states economic under party year policy
usg many recent military can country embassy issue efforts do made cooperation through now since
years secretary work united summary according what take so countries did need because them law
even three him agreement information iran make current continue ministry development several
relations post before brazil long press how note high members comment asked process although
within see costa working al ref likely defense last still office group rights part people those
very role key being use agreed level leaders program police further assistance does decision
next expressed local case provide former possible bilateral much relationship director important
march help january number eu strong like opposition action elections among human following
october trade met rica region way future position regional december given own concerns she media
where february november based september nuclear same without uk affairs stated interest system
response despite percent chief xxxxxxxxxxxx change forces control regarding term report then
world clear major financial leader good past american council added recently must business
whether situation administration leadership continued concern election power senior community
mfa might force months non prime anti energy june already areas official egypt day b order
significant plans reported training potential called deputy washington russia million request
point central remains forward afghanistan another un brazilian place department presidential
meetings currently her july additional april particularly increase back second approach remain
domestic plan libya member progress due focus reform positive private view provided crisis lack
large reports legal august down related social believe operations especially groups sector early
china just yet de problems reftel close discuss investment needed c until used far four
difficult committee include off pressure move parties right received conference activities
terrorism border court expected open staff economy address joint effort india companies company
south stressed suggested t`.split(/\s+/),
);
