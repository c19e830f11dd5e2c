package io.kubelauncher.kubernetes.privilege;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@link PosixIdentity} through glibc, via JNA. glibc applies {@code setgroups}, {@code setgid} and
 * {@code setuid} to every thread of the process (the JVM has many), not only the calling one, which
 * raw system calls would not do.
 */
public final class LibcIdentity implements PosixIdentity {

    /** The subset of libc the plugin needs. */
    interface Libc extends Library {
        int geteuid();

        int getuid();

        Pointer getpwnam(String name) throws LastErrorException;

        Pointer getpwuid(int uid) throws LastErrorException;

        int getgrouplist(String user, int group, int[] groups, IntByReference ngroups);

        int setgroups(NativeLong size, int[] list) throws LastErrorException;

        int setgid(int gid) throws LastErrorException;

        int setuid(int uid) throws LastErrorException;
    }

    /** glibc's {@code struct passwd}. */
    @Structure.FieldOrder({"pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell"})
    public static final class Passwd extends Structure {
        public String pw_name;
        public String pw_passwd;
        public int pw_uid;
        public int pw_gid;
        public String pw_gecos;
        public String pw_dir;
        public String pw_shell;

        public Passwd(Pointer p) {
            super(p);
            read();
        }
    }

    private final Libc libc;

    public LibcIdentity() {
        this(Native.load("c", Libc.class));
    }

    LibcIdentity(Libc libc) {
        this.libc = libc;
    }

    @Override
    public int effectiveUid() {
        return libc.geteuid();
    }

    @Override
    public int realUid() {
        return libc.getuid();
    }

    @Override
    public Optional<Account> lookup(String userName) {
        Pointer entry;
        try {
            entry = libc.getpwnam(userName);
        } catch (LastErrorException e) {
            return Optional.empty();
        }
        if (entry == null) {
            return Optional.empty();
        }
        Passwd passwd = new Passwd(entry);
        return Optional.of(new Account(passwd.pw_name, passwd.pw_uid, passwd.pw_gid, groupsOf(userName, passwd.pw_gid)));
    }

    @Override
    public Optional<String> nameOf(int uid) {
        try {
            Pointer entry = libc.getpwuid(uid);
            return entry == null ? Optional.empty() : Optional.of(new Passwd(entry).pw_name);
        } catch (LastErrorException e) {
            return Optional.empty();
        }
    }

    private List<Integer> groupsOf(String user, int primaryGid) {
        int[] groups = new int[32];
        IntByReference count = new IntByReference(groups.length);
        // getgrouplist returns -1 and the needed size in count when the array is too small.
        while (libc.getgrouplist(user, primaryGid, groups, count) < 0) {
            groups = new int[Math.max(count.getValue(), groups.length * 2)];
            count.setValue(groups.length);
        }
        List<Integer> list = new ArrayList<>();
        for (int gid : Arrays.copyOf(groups, count.getValue())) {
            list.add(gid);
        }
        return list;
    }

    @Override
    public void become(Account account) throws PrivilegeException {
        int[] groups = account.groups().stream().mapToInt(Integer::intValue).toArray();
        try {
            libc.setgroups(new NativeLong(groups.length), groups);
        } catch (LastErrorException e) {
            throw new PrivilegeException("setgroups(" + account.groups() + ") for " + account.name() + " failed: "
                    + describe(e), e);
        }
        try {
            libc.setgid(account.gid());
        } catch (LastErrorException e) {
            throw new PrivilegeException("setgid(" + account.gid() + ") for " + account.name() + " failed: "
                    + describe(e), e);
        }
        try {
            libc.setuid(account.uid());
        } catch (LastErrorException e) {
            throw new PrivilegeException("setuid(" + account.uid() + ") for " + account.name() + " failed: "
                    + describe(e), e);
        }
    }

    private static String describe(LastErrorException e) {
        return e.getMessage() + " (errno " + e.getErrorCode() + ")";
    }
}
