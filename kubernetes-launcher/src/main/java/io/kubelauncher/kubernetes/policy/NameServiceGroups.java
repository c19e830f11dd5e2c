package io.kubelauncher.kubernetes.policy;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.lang.ref.Reference;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * Groups from libc's name service ({@code getpwnam_r}, {@code getgrouplist}, {@code getgrgid_r},
 * {@code getgrnam_r}), so that groups from LDAP or SSSD count like local ones. The reentrant
 * variants are used because other code in the process may call the plain ones concurrently.
 * Only the leading members of {@code struct passwd} ({@code pw_uid}, {@code pw_gid} after two
 * pointers) and {@code struct group} ({@code gr_name} first) are read, which have the same layout
 * on Linux and macOS; the structs are given generously sized buffers.
 */
public final class NameServiceGroups implements GroupResolver {

    private static final int ERANGE = 34;
    private static final long MAX_BUFFER = 1 << 20;
    private static final int STRUCT_BYTES = 256;

    /** The libc entry points used; {@code size_t} is a native long on the LP64 and ILP32 Unixes. */
    interface LibC extends Library {
        int getpwnam_r(String name, Pointer pwd, Pointer buf, NativeLong buflen, PointerByReference result);

        int getgrnam_r(String name, Pointer grp, Pointer buf, NativeLong buflen, PointerByReference result);

        int getgrgid_r(int gid, Pointer grp, Pointer buf, NativeLong buflen, PointerByReference result);

        int getgrouplist(String user, int group, int[] groups, IntByReference ngroups);
    }

    private final LibC libc;

    public NameServiceGroups() {
        this(Native.load("c", LibC.class));
    }

    NameServiceGroups(LibC libc) {
        this.libc = libc;
    }

    @Override
    public Set<String> groupsOf(String user) {
        OptionalInt primary = primaryGid(user);
        if (primary.isEmpty()) {
            return Set.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (int gid : groupIds(user, primary.getAsInt())) {
            // a gid without a name (possible with stale LDAP data) cannot match a [@name] section
            groupName(gid).ifPresent(names::add);
        }
        return Set.copyOf(names);
    }

    @Override
    public boolean groupExists(String group) {
        return lookup((struct, buf, len, result) -> libc.getgrnam_r(group, struct, buf, len, result),
                struct -> Boolean.TRUE).isPresent();
    }

    private OptionalInt primaryGid(String user) {
        return lookup((struct, buf, len, result) -> libc.getpwnam_r(user, struct, buf, len, result),
                passwd -> passwd.getInt(2L * Native.POINTER_SIZE + 4))
                .map(OptionalInt::of)
                .orElse(OptionalInt.empty());
    }

    private Optional<String> groupName(int gid) {
        return lookup((struct, buf, len, result) -> libc.getgrgid_r(gid, struct, buf, len, result),
                group -> group.getPointer(0).getString(0));
    }

    private int[] groupIds(String user, int primaryGid) {
        int capacity = 64;
        while (true) {
            int[] groups = new int[capacity];
            IntByReference count = new IntByReference(capacity);
            if (libc.getgrouplist(user, primaryGid, groups, count) >= 0) {
                int[] result = new int[count.getValue()];
                System.arraycopy(groups, 0, result, 0, result.length);
                return result;
            }
            // glibc reports the count needed; other libcs may not, so at least double
            capacity = Math.max(capacity * 2, count.getValue());
            if (capacity > 65_536) {
                throw new IllegalStateException("getgrouplist(" + user + ") reports more than 65536 groups");
            }
        }
    }

    @FunctionalInterface
    private interface ReentrantCall {
        int call(Pointer struct, Pointer buffer, NativeLong length, PointerByReference result);
    }

    /**
     * Runs a {@code get*_r} call, growing its string buffer on ERANGE, and reads the filled struct
     * while the buffer its strings point into is still alive.
     */
    private static <T> Optional<T> lookup(ReentrantCall call, Function<Pointer, T> read) {
        long size = 1024;
        while (true) {
            Memory struct = new Memory(STRUCT_BYTES);
            struct.clear();
            Memory buffer = new Memory(size);
            PointerByReference result = new PointerByReference();
            int error = call.call(struct, buffer, new NativeLong(size), result);
            if (error == ERANGE && size < MAX_BUFFER) {
                size *= 4;
                continue;
            }
            try {
                // 0 with a null result is "not found"; some libcs report ENOENT, ESRCH etc. for the same
                return error != 0 || result.getValue() == null ? Optional.empty() : Optional.of(read.apply(struct));
            } finally {
                Reference.reachabilityFence(buffer);
            }
        }
    }
}
