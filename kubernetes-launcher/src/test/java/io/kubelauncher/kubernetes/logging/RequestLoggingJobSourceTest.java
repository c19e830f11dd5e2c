package io.kubelauncher.kubernetes.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.plugin.JobSource;
import io.kubelauncher.api.plugin.PluginException;
import io.kubelauncher.api.plugin.RequestUser;
import io.kubelauncher.kubernetes.StubJobSource;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RequestLoggingJobSourceTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(RequestLoggingJobSource.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private Level previous;
    /** A clock that advances 7 ms on every reading: each call "takes" 7 ms. */
    private final AtomicLong nanos = new AtomicLong();
    private final JobSource source = new RequestLoggingJobSource(new StubJobSource(), () -> nanos.getAndAdd(7_000_000));

    @BeforeEach
    void capture() {
        previous = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void release() {
        logger.detachAppender(log);
        logger.setLevel(previous);
    }

    @Test
    void eachRequestGetsOneDebugLineWithItsDuration() {
        Job job = Job.builder().name("session").user("alice").build();
        source.submit(RequestUser.of("alice"), job);
        assertThat(log.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(e.getFormattedMessage()).isEqualTo("Submit Job [user=alice name=session] ok in 7 ms");
        });
    }

    @Test
    void failuresAreLoggedAndRethrown() {
        assertThatThrownBy(() -> source.job("j-42")).isInstanceOf(PluginException.class);
        assertThat(log.list).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
                .isEqualTo("Get Job [job=j-42] failed in 7 ms: Job j-42 not found"));
    }

    @Test
    void nothingIsTimedWhenDebugIsOff() {
        logger.setLevel(Level.INFO);
        source.submit(RequestUser.of("alice"), Job.builder().name("x").user("alice").build());
        assertThat(log.list).isEmpty();
        assertThat(nanos.get()).isZero();
    }
}
