-- Hand-written. Finer response-time buckets: a sixteenth of an octave (about 4.4 % wide: a
-- minute, 62.7 seconds, 65.4 seconds, …, up to a year and beyond: 305), where migration 0063 had
-- half an octave (41 % wide). A percentile reads the items of the bucket that holds its rank
-- unless every answer in it took the same time; at ten million items over two years the
-- half-octave buckets around the median held millions (1.8 of the insights' 2.1 s). Eight times
-- narrower buckets hold about an eighth of that, and where answers take a few distinct times
-- (whole hours, whole days) most buckets hold one, which the bounds then tell without a read.
-- The roll-up grows at most with the buckets a day's answers use, not with the answers. Every
-- eighth threshold is one of 0063's, so the old buckets are unions of the new.
--
-- The order keeps reads of submissions going until the last step, as 0063 did: the old
-- function keeps its index under another name; the new function gets a new index (building it
-- holds writes to submissions, not reads); the roll-up is emptied (TRUNCATE waits for a fold
-- under way in another process, whose rows would otherwise survive in old buckets beside the
-- recount) and counted again; only then the old index goes (dropping it holds reads too, until
-- the migration commits) and the old function with it. The triggers name the function, so
-- from the commit on they count in the new buckets (the change of pg_proc invalidates the
-- plans other connections keep).
ALTER FUNCTION "podium_response_bucket"(bigint) RENAME TO "podium_response_bucket_0063";--> statement-breakpoint
CREATE FUNCTION "podium_response_bucket"("ms" bigint) RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT width_bucket("ms", '{60000,62656,65430,68327,71352,74511,77810,81255,84853,88610,92533,96629,100908,105375,110040,114912,120000,125313,130861,136655,142705,149023,155621,162511,169706,177219,185065,193259,201815,210750,220081,229825,240000,250626,261722,273309,285410,298046,311241,325021,339411,354438,370131,386518,403630,421501,440162,459650,480000,501251,523444,546619,570819,596092,622483,650043,678823,708877,740261,773035,807261,843001,880324,919299,960000,1002503,1046887,1093237,1141639,1192183,1244966,1300085,1357645,1417753,1480522,1546071,1614521,1686002,1760648,1838598,1920000,2005006,2093775,2186474,2283278,2384367,2489932,2600171,2715290,2835506,2961045,3092141,3229042,3372004,3521296,3677197,3840000,4010011,4187550,4372948,4566555,4768734,4979864,5200341,5430580,5671012,5922090,6184283,6458084,6744008,7042591,7354393,7680000,8020023,8375099,8745897,9133111,9537468,9959728,10400683,10861160,11342025,11844179,12368566,12916169,13488017,14085182,14708786,15360000,16040045,16750199,17491793,18266221,19074936,19919456,20801365,21722320,22684050,23688358,24737131,25832338,26976033,28170364,29417573,30720000,32080091,33500398,34983587,36532443,38149872,39838911,41602730,43444641,45368099,47376717,49474263,51664676,53952066,56340728,58835146,61440000,64160181,67000795,69967174,73064885,76299744,79677822,83205461,86889281,90736198,94753433,98948526,103329352,107904133,112681457,117670291,122880000,128320362,134001590,139934347,146129770,152599488,159355644,166410922,173778563,181472397,189506866,197897052,206658703,215808265,225362914,235340582,245760000,256640725,268003180,279868695,292259541,305198976,318711289,332821843,347557125,362944794,379013732,395794104,413317406,431616531,450725827,470681165,491520000,513281450,536006361,559737390,584519081,610397952,637422578,665643686,695114250,725889587,758027465,791588208,826634812,863233062,901451655,941362329,983040000,1026562899,1072012722,1119474780,1169038162,1220795904,1274845156,1331287373,1390228500,1451779175,1516054930,1583176416,1653269624,1726466124,1802903309,1882724658,1966080000,2053125798,2144025443,2238949559,2338076325,2441591807,2549690312,2662574746,2780457001,2903558349,3032109860,3166352832,3306539248,3452932247,3605806619,3765449316,3932160000,4106251596,4288050886,4477899118,4676152649,4883183614,5099380623,5325149491,5560914001,5807116698,6064219719,6332705664,6613078496,6905864495,7211613237,7530898632,7864320000,8212503193,8576101772,8955798236,9352305299,9766367229,10198761246,10650298983,11121828003,11614233396,12128439438,12665411327,13226156993,13811728990,14423226474,15061797265,15728640000,16425006385,17152203544,17911596472,18704610597,19532734457,20397522493,21300597966,22243656006,23228466792,24256878877,25330822655,26452313986,27623457980,28846452948,30123594530,31457280000}'::bigint[])::smallint
$$;--> statement-breakpoint
CREATE INDEX "submissions_answer_times_0064" ON "submissions" USING btree (podium_response_bucket(podium_response_ms("created_at", coalesce("first_response_at", "first_published_reply_at"))),"created_at","consultation_id","channel","first_response_at","first_published_reply_at") WHERE "submissions"."erased_at" is null and ("submissions"."first_response_at" is not null or "submissions"."first_published_reply_at" is not null);--> statement-breakpoint
TRUNCATE "response_time_counts";--> statement-breakpoint
INSERT INTO "response_time_counts" ("organisation_id", "day", "channel", "bucket", "answered", "promised", "on_time", "min_ms", "max_ms")
    SELECT c."organisation_id", x."day", x."channel", podium_response_bucket(x."ms"),
      sum(x."sign"), sum(x."sign" * x."promised"), sum(x."sign" * x."on_time"), min(x."ms"), max(x."ms")
    FROM "submissions" s CROSS JOIN LATERAL podium_response_change(s, 1) x JOIN "consultations" c ON c."id" = x."consultation_id"
    GROUP BY 1, 2, 3, 4;--> statement-breakpoint
DROP INDEX "submissions_answer_times";--> statement-breakpoint
DROP FUNCTION "podium_response_bucket_0063"(bigint);--> statement-breakpoint
ALTER INDEX "submissions_answer_times_0064" RENAME TO "submissions_answer_times";
