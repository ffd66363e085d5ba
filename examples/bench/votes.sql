-- pgbench script for votes-vs-pgbench.sh: the statement JdbcVotes.putVote runs (Dialect.upsert on coq_vote), each
-- pgbench client one employee (employee0..employee15) changing their vote on the report page.
\set v random(0, 1) * 2 - 1
INSERT INTO coq_vote (page, user_id, vote_value, voted_at) VALUES ('/actualites/rapport-annuel.html', 'employee' || :client_id, :v, (extract(epoch from clock_timestamp()) * 1000)::bigint) ON CONFLICT (page, user_id) DO UPDATE SET vote_value = EXCLUDED.vote_value, voted_at = EXCLUDED.voted_at;
