package com.sendgridadmin

import com.sendgridadmin.models.*
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows

/** export / plan / apply through suspend functions: documents as YAML text, typed plans. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanTest {
    private val sb = Sandbox()
    private lateinit var c: Client

    @BeforeEach
    fun reset() {
        sb.reset(subusers = 3, teammates = 2)
        c = sb.client()
    }

    @AfterAll
    fun stop() = sb.close()

    @Test
    fun exportPlansNothing() = runBlocking {
        val yaml = c.export()
        assertTrue(yaml.startsWith("subusers:\n- username: sub00001\n"), yaml)
        assertFalse(yaml.contains("password"))
        val plan = c.plan(yaml, prune = true)
        assertTrue(plan.changes.isEmpty())
        assertTrue(plan.unmanaged.isEmpty())
    }

    @Test
    fun planApplyConvergeAndDrift() = runBlocking {
        val pw = kotlin.io.path.createTempFile("pw").toFile()
        pw.writeText("correct horse battery staple 5\n")
        val doc = """
            subusers:
              - username: sub00001
                disabled: true
              - username: kt-new
                email: kt-new@example.com
                password_file: ${pw.absolutePath}
              - username: sub00002
                monitor: {email: a@example.com, frequency: 3}
        """.trimIndent()
        val plan = c.plan(doc, prune = false)
        assertEquals(
            listOf(Action.UPDATE, Action.CREATE, Action.UPDATE),
            plan.changes.map { it.action },
        )
        assertEquals(FieldChange("disabled", "false", "true"), plan.changes[0].fields[0])
        assertTrue(planToText(plan).contains("~ subuser sub00001\n    disabled: false -> true"))
        // Someone changes sub00002's monitor after the plan: that change is a Conflict.
        c.monitor().create("sub00002", Monitor("b@example.com", 4u))
        var seen = 0UL
        val out = c.apply(plan, 2u, object : BulkProgressListener {
            override fun onProgress(progress: BulkProgress) { seen = maxOf(seen, progress.done) }
        })
        assertNull(out[0].error)
        assertNull(out[1].error)
        assertTrue(out[2].error is SendGridException.Conflict)
        assertEquals(3UL, seen)
        val next = c.plan(doc, prune = false)
        assertEquals(listOf("sub00002"), next.changes.map { it.key })
        assertTrue(c.apply(next, null, null).all { it.error == null })
        assertTrue(c.plan(doc, prune = false).changes.isEmpty())
        pw.delete()
        Unit
    }

    @Test
    fun badDocumentsNameEveryProblem() = runBlocking {
        val bad = "subusers:\n  - username: a\n    ips: [1.2.3]\n  - username: a\n"
        assertEquals(2, documentProblems(bad).size)
        val e = assertThrows<SendGridException.InvalidInput> { runBlocking { c.plan(bad, prune = false) } }
        assertTrue(e.message!!.contains("subusers[1].username"), e.message)
        assertThrows<SendGridException.InvalidInput> { documentProblems("subusers:\n  - username: a\n    emial: x\n") }
        Unit
    }

    /** Issue #34's story: admins, unrestricted, restricted and SSO teammates, 60 in all. */
    @Test
    fun everyKindOfTeammateConverges() = runBlocking {
        sb.reset(subusers = 4, teammates = 60)
        c.teammates().createSso(CreateSsoTeammate(email = "open@x.test", firstName = "Ada", lastName = "Lovelace", scopes = listOf("mail.send")))
        c.teammates().createSso(
            CreateSsoTeammate(
                email = "restricted@x.test", firstName = "Bo", lastName = "Li",
                subuserAccess = listOf(SubuserGrant("sub00001", PermissionType.Restricted, listOf("mail.send"))),
            ),
        )
        assertTrue(c.teammates().get("open@x.test").scopes.contains("2fa_exempt"))
        val yaml = c.export()
        assertFalse(yaml.contains("2fa_"), yaml)
        assertTrue(yaml.contains("- email: teammate0001@seed.test\n  is_admin: true\n- email: teammate0002"), yaml)
        assertTrue(yaml.contains("- email: open@x.test\n  scopes:\n  - mail.send\n"), yaml)
        assertTrue(planIsEmpty(c.plan(yaml, prune = true)))
        val edited = yaml.replace("- email: open@x.test\n  scopes:\n  - mail.send\n", "- email: open@x.test\n  scopes:\n  - mail.send\n  - stats.read\n")
        val plan = c.plan(edited, prune = false)
        assertFalse(planIsEmpty(plan))
        assertEquals(listOf("open@x.test"), plan.changes.map { it.key })
        assertEquals(listOf("permissions"), plan.changes[0].fields.map { it.field })
        assertTrue(c.apply(plan, null, null).all { it.error == null })
        assertTrue(c.plan(edited, prune = false).changes.isEmpty())
        val both = "teammates:\n- email: x@x.test\n  scopes: [mail.send]\n  subuser_access: [{subuser: sub00001, permission_type: admin}]\n"
        val e = assertThrows<SendGridException.InvalidInput> { runBlocking { c.plan(both, prune = false) } }
        assertTrue(e.message!!.contains("teammates[0].scopes"), e.message)
        Unit
    }
}
