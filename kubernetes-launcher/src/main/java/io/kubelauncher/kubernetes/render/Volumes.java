package io.kubelauncher.kubernetes.render;

import io.kubelauncher.api.model.InitContainer;
import io.kubelauncher.api.model.Mount;
import io.kubelauncher.api.model.MountSource;
import io.kubelauncher.api.plugin.PluginException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a job's mounts, and its init containers' mounts, into the Kubernetes {@code volumes} and
 * {@code volumeMounts} the templates receive as {@code .Job.volumes} / {@code .Job.volumeMounts} /
 * {@code .Job.initContainers[].mounts} (volume names {@code mount0}, {@code mount1}…).
 *
 * <p>Every job mount gets its own volume, numbered in order, as the vendor names them. An init
 * container's mount reuses the pod volume whose body (everything but the name) is the same, so that
 * an init container preparing the job's home directory writes to the very volume the job mounts;
 * only a source no earlier mount uses gets a new volume, numbered after the others.
 *
 * @param volumes one volume per distinct source, in the shape of the Kubernetes API
 * @param volumeMounts one volume mount per job mount (the job's container)
 * @param initContainerMounts per init container, in the job's order, one volume mount per mount
 */
public record Volumes(List<Map<String, Object>> volumes, List<Map<String, Object>> volumeMounts,
                      List<List<Map<String, Object>>> initContainerMounts) {

    public Volumes {
        volumes = List.copyOf(volumes);
        volumeMounts = List.copyOf(volumeMounts);
        initContainerMounts = initContainerMounts.stream().map(List::copyOf).toList();
    }

    /** The volumes of a job without init containers. */
    public Volumes(List<Map<String, Object>> volumes, List<Map<String, Object>> volumeMounts) {
        this(volumes, volumeMounts, List.of());
    }

    /** @throws PluginException (Error 2) naming the mount whose type Kubernetes cannot mount */
    public static Volumes of(List<Mount> mounts) {
        return of(mounts, List.of());
    }

    /** @throws PluginException (Error 2) naming the mount, and the init container, whose type Kubernetes cannot mount */
    public static Volumes of(List<Mount> mounts, List<InitContainer> initContainers) {
        List<Map<String, Object>> volumes = new ArrayList<>();
        List<Map<String, Object>> volumeMounts = new ArrayList<>();
        for (Mount mount : mounts) {
            String name = "mount" + volumes.size();
            volumes.add(named(name, body(mount, "")));
            volumeMounts.add(volumeMount(name, mount));
        }
        List<List<Map<String, Object>>> initMounts = new ArrayList<>();
        for (InitContainer init : initContainers) {
            List<Map<String, Object>> own = new ArrayList<>();
            for (Mount mount : init.mounts()) {
                Map<String, Object> body = body(mount, "Init container " + init.name() + ": ");
                String name = existing(volumes, body).orElseGet(() -> {
                    String fresh = "mount" + volumes.size();
                    volumes.add(named(fresh, body));
                    return fresh;
                });
                own.add(volumeMount(name, mount));
            }
            initMounts.add(own);
        }
        return new Volumes(volumes, volumeMounts, initMounts);
    }

    private static Optional<String> existing(List<Map<String, Object>> volumes, Map<String, Object> body) {
        for (Map<String, Object> volume : volumes) {
            Map<String, Object> rest = new LinkedHashMap<>(volume);
            Object name = rest.remove("name");
            if (rest.equals(body)) {
                return Optional.of((String) name);
            }
        }
        return Optional.empty();
    }

    private static Map<String, Object> named(String name, Map<String, Object> body) {
        Map<String, Object> volume = new LinkedHashMap<>();
        volume.put("name", name);
        volume.putAll(body);
        return volume;
    }

    private static Map<String, Object> volumeMount(String name, Mount mount) {
        return ordered("name", name, "mountPath", mount.mountPath(), "readOnly", mount.readOnly());
    }

    /** The volume without its name: one key naming the volume type, as Kubernetes has it. */
    private static Map<String, Object> body(Mount mount, String where) {
        Map<String, Object> volume = new LinkedHashMap<>();
        MountSource source = mount.source();
        if (source instanceof MountSource.Host host) {
            volume.put("hostPath", ordered("path", host.path()));
        } else if (source instanceof MountSource.Nfs nfs) {
            volume.put("nfs", ordered("server", nfs.host(), "path", nfs.path(), "readOnly", mount.readOnly()));
        } else if (source instanceof MountSource.AzureFile az) {
            volume.put("azureFile", ordered("secretName", az.secretName(), "shareName", az.shareName(), "readOnly", mount.readOnly()));
        } else if (source instanceof MountSource.GlusterFs gl) {
            volume.put("glusterfs", ordered("endpoints", gl.endpoints(), "path", gl.path(), "readOnly", mount.readOnly()));
        } else if (source instanceof MountSource.CephFs ceph) {
            Map<String, Object> body = ordered("monitors", ceph.monitors());
            if (ceph.path() != null) {
                body.put("path", ceph.path());
            }
            if (ceph.user() != null) {
                body.put("user", ceph.user());
            }
            if (ceph.secretRef() != null) {
                body.put("secretRef", ordered("name", ceph.secretRef()));
            } else if (ceph.secretFile() != null) {
                body.put("secretFile", ceph.secretFile());
            }
            body.put("readOnly", mount.readOnly());
            volume.put("cephfs", body);
        } else if (source.type().equals("passthrough")) {
            // the source is a Kubernetes volume body, e.g. {"persistentVolumeClaim": {"claimName": "data"}}
            if (source.toMap().isEmpty()) {
                throw PluginException.invalidRequest(where + "Mount " + mount.mountPath() + ": a passthrough mount needs a source holding"
                        + " a Kubernetes volume, e.g. {\"persistentVolumeClaim\": {\"claimName\": \"data\"}}");
            }
            source.toMap().forEach((k, v) -> {
                if (!k.equals("name")) {
                    volume.put(k, v);
                }
            });
        } else {
            throw PluginException.invalidRequest(where + "Mount " + mount.mountPath() + ": mount type '" + source.type()
                    + "' is not supported on Kubernetes (supported: host, nfs, azureFile, cephFs, glusterFs, passthrough)");
        }
        return volume;
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
