-- wrk script: PUT /v3/subusers/sub00001/monitor with the sandbox key, the same call the
-- clients make (bench/run, "C ceiling").
wrk.method = "PUT"
wrk.body = '{"email":"audit@example.com","frequency":7}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer SG.sandbox-key"
wrk.path = "/v3/subusers/sub00001/monitor"
