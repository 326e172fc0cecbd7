export declare function autoMount(script: HTMLScriptElement | null): void;
