/* SPDX-License-Identifier: MIT */
/* Boot-script parsing and ${...} substitution (see boot_script.h). */
#include <stdint.h>
#include <kern/boot_script.h>
#include <kern/kstring.h>
#include <kern/kprintf.h>
#include <kern/task.h>
#include <kern/host.h>
#include <ipc/ipc_port.h>
#include <ipc/ipc_right.h>

#define BOOT_ARENA_SIZE	(64 * 1024)

static char boot_arena[BOOT_ARENA_SIZE];
static size_t boot_arena_used;

static const char *kernel_cmdline_str = "";
static char *boot_args_str = "";
static char *root_device_str;

char *boot_arena_alloc(size_t size)
{
	char *p;

	if (size > BOOT_ARENA_SIZE - boot_arena_used)
		return NULL;
	p = boot_arena + boot_arena_used;
	boot_arena_used += (size + 7) & ~(size_t)7;
	if (boot_arena_used > BOOT_ARENA_SIZE)
		boot_arena_used = BOOT_ARENA_SIZE;
	return p;
}

static char *boot_strndup(const char *s, size_t n)
{
	char *p = boot_arena_alloc(n + 1);

	if (p != NULL) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

const char *boot_script_parse(const char *line, struct boot_cmd *cmd)
{
	bool any_command = false;

	memset(cmd, 0, sizeof(*cmd));
	while (*line != '\0') {
		const char *start;
		size_t n;

		while (is_blank(*line))
			line++;
		if (*line == '\0')
			break;
		start = line;
		while (*line != '\0' && !is_blank(*line))
			line++;
		n = (size_t)(line - start);

		if (n >= 3 && start[0] == '$' && start[1] == '(' &&
		    start[n - 1] == ')') {
			const char *body = start + 2;
			size_t blen = n - 3;
			const char *eq = NULL;

			for (size_t i = 0; i < blen; i++)
				if (body[i] == '=')
					eq = body + i;
			any_command = true;
			if (blen == 11 && strncmp(body, "task-resume", 11) == 0) {
				cmd->resume = true;
			} else if (blen == 11 && strncmp(body, "task-create", 11) == 0) {
				cmd->create = true;
			} else if (eq != NULL &&
				   (size_t)(body + blen - eq - 1) == 11 &&
				   strncmp(eq + 1, "task-create", 11) == 0 &&
				   eq > body &&
				   (size_t)(eq - body) < BOOT_SCRIPT_VAR_MAX) {
				cmd->create = true;
				memcpy(cmd->var, body, (size_t)(eq - body));
				cmd->var[eq - body] = '\0';
			} else {
				return "unknown boot-script command";
			}
			continue;
		}
		if (cmd->nwords == BOOT_SCRIPT_MAX_WORDS)
			return "too many words";
		cmd->words[cmd->nwords] = boot_strndup(start, n);
		if (cmd->words[cmd->nwords] == NULL)
			return "boot arena full";
		cmd->nwords++;
	}
	if (!any_command)
		cmd->create = cmd->resume = true;
	if (cmd->resume)
		cmd->create = true;
	if (cmd->nwords == 0)
		return "no file name";
	return NULL;
}

void boot_script_set_kernel_cmdline(const char *cmdline)
{
	const char *p = cmdline;
	size_t flags_len = 0;
	char *flags = boot_arena_alloc(strlen(cmdline) + 1);

	kernel_cmdline_str = cmdline;
	if (flags != NULL)
		flags[0] = '\0';
	while (*p != '\0') {
		const char *start;

		while (is_blank(*p))
			p++;
		start = p;
		while (*p != '\0' && !is_blank(*p))
			p++;
		if (p == start)
			break;
		if (*start == '-' && flags != NULL) {
			if (flags_len > 0)
				flags[flags_len++] = ' ';
			memcpy(flags + flags_len, start, (size_t)(p - start));
			flags_len += (size_t)(p - start);
			flags[flags_len] = '\0';
		}
		if (p - start > 5 && strncmp(start, "root=", 5) == 0) {
			const char *v = start + 5;

			if (p - v > 7 && strncmp(v, "device:", 7) == 0)
				v += 7;
			root_device_str = boot_strndup(v, (size_t)(p - v));
		}
	}
	if (flags != NULL)
		boot_args_str = flags;
}

/* Value of a VAR=value word of the kernel command line, or NULL. */
static const char *kernel_var(const char *name, size_t nlen)
{
	const char *p = kernel_cmdline_str;

	while (*p != '\0') {
		const char *start;

		while (is_blank(*p))
			p++;
		start = p;
		while (*p != '\0' && !is_blank(*p))
			p++;
		if ((size_t)(p - start) > nlen && start[nlen] == '=' &&
		    strncmp(start, name, nlen) == 0)
			return boot_strndup(start + nlen + 1,
					    (size_t)(p - start - nlen - 1));
	}
	return NULL;
}

/* A send right to `port' in the task's space, as a decimal string. */
static const char *port_value(struct boot_cmd *cmd, struct ipc_port *port)
{
	mach_port_name_t name;
	char *s;

	if (port == NULL || !port->ip_active)
		return NULL;
	port->ip_srights++;			/* copy the kernel's send right */
	port->ip_references++;
	if (ipc_right_copyout_send(cmd->task->itk_space, port, &name, NULL) !=
	    KERN_SUCCESS)
		return NULL;
	s = boot_arena_alloc(12);
	if (s != NULL)
		ksnprintf(s, 12, "%u", name);
	return s;
}

static const char *var_value(const char *name, size_t nlen,
			     struct boot_cmd *cmd, struct boot_cmd *cmds,
			     unsigned ncmds)
{
#define IS(lit) (nlen == sizeof(lit) - 1 && strncmp(name, lit, nlen) == 0)
	if (IS("host-port"))
		return port_value(cmd, realhost.host_priv_self);
	if (IS("device-port"))
		return port_value(cmd, realhost.master_device);
	if (IS("kernel-command-line"))
		return kernel_cmdline_str;
	if (IS("boot-args"))
		return boot_args_str;
	if (IS("root-device") && root_device_str != NULL)
		return root_device_str;
#undef IS
	for (unsigned i = 0; i < ncmds; i++)
		if (cmds[i].task != NULL && cmds[i].var[0] != '\0' &&
		    strlen(cmds[i].var) == nlen &&
		    strncmp(cmds[i].var, name, nlen) == 0)
			return port_value(cmd, cmds[i].task->itk_self);
	return kernel_var(name, nlen);
}

const char *boot_script_subst(const char *word, struct boot_cmd *cmd,
			      struct boot_cmd *cmds, unsigned ncmds,
			      const char **whyp)
{
	char buf[2048];
	size_t len = 0;

	for (const char *p = word; *p != '\0';) {
		const char *val;
		size_t vlen;

		if (p[0] == '$' && p[1] == '{') {
			const char *end = strchr(p + 2, '}');

			if (end == NULL) {
				*whyp = "unterminated ${";
				return NULL;
			}
			val = var_value(p + 2, (size_t)(end - p - 2), cmd, cmds,
					ncmds);
			if (val == NULL) {
				static char why[80];

				ksnprintf(why, sizeof(why), "undefined variable %.*s",
					  (int)(end - p + 1), p);
				*whyp = why;
				return NULL;
			}
			p = end + 1;
		} else {
			val = p;
			vlen = 1;
			p++;
			goto append;
		}
		vlen = strlen(val);
append:
		if (len + vlen >= sizeof(buf)) {
			*whyp = "argument too long";
			return NULL;
		}
		memcpy(buf + len, val, vlen);
		len += vlen;
	}
	return boot_strndup(buf, len);
}
