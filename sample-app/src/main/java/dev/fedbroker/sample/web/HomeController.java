package dev.fedbroker.sample.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The home page. Thread-safe (stateless). */
@Controller
public class HomeController {

    @GetMapping("/")
    public String home(@RequestParam(name = "signedOut", required = false) String signedOut, Model model) {
        model.addAttribute("title", "Home");
        model.addAttribute("signedOut", signedOut != null);
        return "home";
    }
}
