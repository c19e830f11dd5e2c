package io.kubelauncher.testkit.demo;

/** One step of the demo's story: what it shows (title and a sentence), and how it plays and checks it. */
interface Scene {

    String title();

    /** One sentence saying what a newcomer is about to see. */
    String story();

    /**
     * Plays the scene, recording its checks on the stage. Throws {@link DemoFailure} when it cannot go
     * on; the demo records that as a failed check and moves to the next scene.
     */
    void play(Stage stage);

    /** Whether the scenes after this one are pointless when it fails (nothing works without bootstrap). */
    default boolean essential() {
        return false;
    }
}
